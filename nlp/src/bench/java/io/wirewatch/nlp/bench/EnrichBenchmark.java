package io.wirewatch.nlp.bench;

import io.wirewatch.nlp.Enricher;
import io.wirewatch.nlp.entity.ActorTagger;
import io.wirewatch.nlp.ner.NameFinder;
import io.wirewatch.nlp.ner.PerceptronNameFinder;
import io.wirewatch.nlp.stance.PatternStanceTagger;
import io.wirewatch.nlp.stance.WeightedEscalationScorer;
import io.wirewatch.nlp.text.TextDocument;
import io.wirewatch.nlp.text.Tokenizer;
import io.wirewatch.nlp.text.WireSentenceSplitter;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.Story;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of enrichment on one core, on the seed story (about 1,100 words):
 * {@code wholeEnrichment} (sentences, entities and actors, quotes, signals, score) in stories/s, and
 * {@code entityStage} (splitting, tokenising, knowledge-base matching and resolution) in tokens/s.
 *
 * <pre>
 * ./mvnw -B -q -Pbench -pl nlp -am test-compile
 * java -cp nlp/target/test-classes:nlp/target/classes:$(cat nlp/target/bench-classpath.txt) \
 *     org.openjdk.jmh.Main EnrichBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class EnrichBenchmark {

    /** The shipped configuration ({@code bundled}: the statistical name finder too) and the knowledge base alone. */
    @Param({"bundled", "none"})
    public String names;

    private Enricher enricher;
    private ActorTagger entities;
    private Story story;
    private int tokens;

    /** Tokens processed, reported by JMH as a rate (tokens/s). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class TokenCount {
        public long tokens;

        @Setup(Level.Iteration)
        public void reset() {
            tokens = 0;
        }
    }

    @Setup
    public void setUp() {
        story = seedStory();
        entities = ActorTagger.standard("bundled".equals(names) ? PerceptronNameFinder.bundled() : NameFinder.none());
        enricher = new Enricher(WireSentenceSplitter.standard(), entities, PatternStanceTagger.standard(),
                WeightedEscalationScorer.standard(), "bench", Clock.systemUTC());
        tokens = Tokenizer.tokenize(String.join("\n\n", story.getParagraphs())).size();
    }

    @Benchmark
    public EnrichedStory wholeEnrichment() {
        return enricher.enrich(story);
    }

    @Benchmark
    public List<Entity> entityStage(TokenCount count) {
        TextDocument document = TextDocument.of(story, WireSentenceSplitter.standard());
        List<Entity> found = entities.tag(document);
        count.tokens += tokens;
        return found;
    }

    /** The seed story (nlp/src/test/resources) as ingest would give it: its first line the title. */
    static Story seedStory() {
        List<String> lines = new ArrayList<>();
        for (String line : seed().split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return Story.newBuilder().setId("seed").setSource("bench").setTitle(lines.get(0))
                .setParagraphs(new ArrayList<>(lines.subList(1, lines.size())))
                .setPublishedAt(Instant.parse("2022-01-26T18:00:00Z")).setFetchedAt(Instant.EPOCH)
                .setContentHash("bench").build();
    }

    static String seed() {
        try (InputStream in = EnrichBenchmark.class.getClassLoader()
                .getResourceAsStream("seed/ap-no-concessions-2022-01-26.txt")) {
            if (in == null) {
                throw new IllegalStateException("seed story not on the class path (nlp/src/test/resources)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
