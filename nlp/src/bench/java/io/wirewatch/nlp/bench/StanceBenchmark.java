package io.wirewatch.nlp.bench;

import io.wirewatch.nlp.entity.ActorTagger;
import io.wirewatch.nlp.ner.PerceptronNameFinder;
import io.wirewatch.nlp.stance.PatternStanceTagger;
import io.wirewatch.nlp.text.TextDocument;
import io.wirewatch.nlp.text.WireSentenceSplitter;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.Signal;
import io.wirewatch.schema.Story;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What each stage of enrichment costs on the seed story, in stories/s on one core: {@code sentences} (the
 * document: paragraphs joined and split into sentences), {@code entities} (the entity stage on a ready document)
 * and {@code stance} (the stance tagger alone, on a ready document and its entities: quotes, rules, the verb
 * lexicon and its part-of-speech gate, modality, source and target). Beside {@link EnrichBenchmark}'s
 * {@code wholeEnrichment} it shows which stage to look at first.
 *
 * <pre>
 * ./mvnw -B -q -Pbench -pl nlp -am test-compile
 * java -cp nlp/target/test-classes:nlp/target/classes:$(cat nlp/target/bench-classpath.txt) \
 *     org.openjdk.jmh.Main StanceBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class StanceBenchmark {

    private Story story;
    private ActorTagger entities;
    private PatternStanceTagger stance;
    private TextDocument document;
    private List<Entity> found;

    @Setup
    public void setUp() {
        story = EnrichBenchmark.seedStory();
        entities = ActorTagger.standard(PerceptronNameFinder.bundled());
        stance = PatternStanceTagger.standard();
        document = TextDocument.of(story, WireSentenceSplitter.standard());
        found = entities.tag(document);
        if (stance.tag(document, found).isEmpty()) {
            throw new IllegalStateException("the seed story gives no signals: the benchmark would measure nothing");
        }
    }

    @Benchmark
    public TextDocument sentences() {
        return TextDocument.of(story, WireSentenceSplitter.standard());
    }

    @Benchmark
    public List<Entity> entities() {
        return entities.tag(document);
    }

    @Benchmark
    public List<Signal> stance() {
        return stance.tag(document, found);
    }
}
