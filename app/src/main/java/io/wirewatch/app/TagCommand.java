package io.wirewatch.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.nlp.Enricher;
import io.wirewatch.ingest.ReadResult;
import io.wirewatch.ingest.Stories;
import io.wirewatch.ingest.StoryReader;
import io.wirewatch.ingest.extract.TextExtractor;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Story;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirewatch tag}: the enrichment of one story (entities, actors, signals, evidence) as JSON. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Print the enrichment of a story as JSON: entities with spans and actors, signals with"
                + " category, modality, source, target, speaker and evidence, and the escalation score.")
final class TagCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH|-", arity = "0..1",
            description = "A story file (.txt, .html, .html.gz); - or nothing reads text from standard input.")
    @Nullable String input;

    @Mixin
    KbOptions kb = new KbOptions();

    /** Standard input (a test gives its own). */
    java.io.InputStream stdin = System.in;

    @Option(names = "--lines", description = "Each input line is its own text and gets its own line of JSON.")
    boolean lines;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.systemUTC();
        Enricher enricher = kb.enricher(clock);
        if (lines) {
            try (BufferedReader reader = reader()) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isBlank()) {
                        out.println(AvroJson.write(view(enricher.enrich(sentences(line, "line", clock)))));
                    }
                }
            }
        } else {
            Story story = readStory(clock);
            out.println(AvroJson.writePretty(view(enricher.enrich(story))));
        }
        out.flush();
        return 0;
    }

    private Story readStory(Clock clock) throws Exception {
        if (input == null || input.equals("-")) {
            try (BufferedReader reader = reader()) {
                StringBuilder text = new StringBuilder();
                reader.lines().forEach(line -> text.append(line).append('\n'));
                Story story = Stories.of(TextExtractor.extract(text.toString()), "stdin", null, clock.instant());
                // One line (a sentence to try) has no title and body: it is all text to analyse.
                return story.getParagraphs().isEmpty() ? sentences(text.toString(), "stdin", clock) : story;
            }
        }
        ReadResult result = StoryReader.read(Path.of(input), clock);
        if (result instanceof ReadResult.Unreadable bad) {
            throw new IllegalArgumentException("cannot read a story from " + bad.path() + ": " + bad.reason());
        }
        return ((ReadResult.Read) result).story();
    }

    /** {@code text} as the body of a story without a title, so every word of it is analysed. */
    private static Story sentences(String text, String source, Clock clock) {
        return Story.newBuilder(Stories.of(TextExtractor.extract(text), source, null, clock.instant()))
                .setTitle("").setParagraphs(List.of(text.strip())).build();
    }

    private BufferedReader reader() throws Exception {
        if (input == null || input.equals("-")) {
            return new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        }
        return java.nio.file.Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
    }

    /** The enrichment without the story body repeated: id, title, entities, signals, score. */
    private static ObjectNode view(EnrichedStory enriched) {
        ObjectNode tree = AvroJson.toTree(enriched);
        ObjectNode story = (ObjectNode) tree.get("story");
        ObjectNode view = AvroJson.mapper().createObjectNode();
        view.put("id", story.get("id").asText());
        view.set("title", story.get("title"));
        view.set("dateline", story.get("dateline"));
        view.set("publishedAt", story.get("publishedAt"));
        view.set("language", story.get("language"));
        view.set("namesFromKnowledgeBaseOnly", tree.get("namesFromKnowledgeBaseOnly"));
        view.set("escalationScore", tree.get("escalationScore"));
        view.set("entities", tree.get("entities"));
        view.set("signals", tree.get("signals"));
        view.set("enricherVersion", tree.get("enricherVersion"));
        return view;
    }
}
