package io.wirewatch.app;

import io.wirewatch.ingest.StoryReader;
import io.wirewatch.ingest.extract.ArticleJson;
import io.wirewatch.schema.AvroJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirewatch extract PATH... [--url URL]}: prints one JSON object per page with everything extracted. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract saved pages (.html, .htm, .txt, each optionally .gz) and print one JSON object per "
                + "page: title, byline, dateline, wire, language, canonical URL, publication and modification times, "
                + "the publication time on the publisher's own clock with its offset (publishedLocal) and how sure the "
                + "date is (dateConfidence), "
                + "body (paragraphs joined by blank lines), paragraphs, captions, confidence.",
            "A page that cannot be read prints {\"source\":...,\"error\":...} and the exit code is 1."})
public final class ExtractCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Saved pages or text files.")
    List<Path> paths = List.of();

    @Option(names = "--url", paramLabel = "URL",
            description = "The URL the page(s) came from: resolves relative links and dates in the URL.")
    String url;

    @Option(names = "--pretty", description = "Indent the JSON (one object per page still).")
    boolean pretty;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StoryReader reader = new StoryReader(Clock.systemUTC());
        int failures = 0;
        for (Path path : paths) {
            try {
                var article = reader.extract(path, url);
                var json = ArticleJson.of(article, path.toString(), url);
                out.println(pretty ? AvroJson.writePretty(json) : AvroJson.write(json));
            } catch (IOException | RuntimeException e) {
                failures++;
                out.println(AvroJson.write(ArticleJson.error(path.toString(), String.valueOf(e.getMessage()))));
            }
        }
        out.flush();
        return failures == 0 ? 0 : 1;
    }
}
