package io.wirewatch.app;

import io.wirewatch.ingest.eval.ExtractionEval;
import io.wirewatch.ingest.extract.HtmlExtractor;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jsoup.Jsoup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch eval extraction --data DIR}: main-text extraction scored with the ScrapingHub benchmark's
 * metric on a folder laid out like it ({@code ground-truth.json}, {@code html/<id>.html.gz}).
 */
@Command(name = "extraction", mixinStandardHelpOptions = true,
        description = {"Score main-text extraction on a folder laid out like the ScrapingHub article-extraction "
                + "benchmark (ground-truth.json and html/<id>.html.gz): 4-token shingles, precision and recall "
                + "averaged over pages, F1 from the averages.",
            "Readability4J, the peer, runs beside it in the benchmark profile: "
                + "./mvnw -B -pl ingest -am -Pextraction-benchmark -DskipTests verify"})
public final class EvalExtractionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The labelled folder.")
    Path data;

    @Option(names = "--worst", paramLabel = "N", defaultValue = "0",
            description = "Also list the N pages with the lowest overlap.")
    int worst;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ExtractionEval.Page> pages = ExtractionEval.load(data);
        HtmlExtractor extractor = new HtmlExtractor(Clock.systemUTC());
        long start = System.nanoTime();
        ExtractionEval.Result result = ExtractionEval.run("wirewatch", page -> extractor.extract(
                Jsoup.parse(new ByteArrayInputStream(page.html()), null, page.url()), page.url()).body(), pages);
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "extraction on %d pages of %s%n", pages.size(), data);
        out.printf(Locale.ROOT, "wirewatch  precision=%.3f recall=%.3f F1=%.3f  errors=%d  (%.1f pages/s including "
                        + "scoring, one thread)%n", result.score().precision(), result.score().recall(),
                result.score().f1(), result.errors(), pages.size() / seconds);
        result.errorPages().forEach(e -> out.println("  error " + e));
        result.perPage().entrySet().stream()
                .sorted(Comparator.comparingDouble(e -> e.getValue().tp()))
                .limit(Math.max(0, worst))
                .forEach(e -> out.printf(Locale.ROOT, "  %s tp=%.2f fp=%.2f fn=%.2f%n", e.getKey(),
                        e.getValue().tp(), e.getValue().fp(), e.getValue().fn()));
        out.flush();
        return result.errors() == 0 ? 0 : 1;
    }
}
