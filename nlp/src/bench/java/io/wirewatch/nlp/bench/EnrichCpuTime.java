package io.wirewatch.nlp.bench;

import io.wirewatch.nlp.Enricher;
import io.wirewatch.nlp.entity.ActorTagger;
import io.wirewatch.nlp.entity.EntityStageNames;
import io.wirewatch.nlp.ner.ConllCorpus;
import io.wirewatch.nlp.ner.LabelledSentence;
import io.wirewatch.nlp.ner.NameFinder;
import io.wirewatch.nlp.ner.PerceptronNameFinder;
import io.wirewatch.nlp.stance.PatternStanceTagger;
import io.wirewatch.nlp.stance.WeightedEscalationScorer;
import io.wirewatch.nlp.text.WireSentenceSplitter;
import io.wirewatch.schema.Story;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Enrichment and the entity stage per CPU-second of the thread that runs them, for a machine whose cores are
 * shared: JMH's wall-clock throughput there measures the thread's share of a core as much as the code (at a load
 * average of 40 on 2 cores it read 3 stories/s where an idle machine gives 100). The per-core figure is the same
 * question asked of the CPU time actually spent. The work is {@link EnrichBenchmark}'s {@code wholeEnrichment}
 * (seed story, bundled name finder) and {@code NameFinderBenchmark}'s {@code wirewatchEntityStage} (the first
 * 20,000 tokens of a CoNLL file, each sentence through the whole entity stage).
 *
 * <pre>
 * java -cp nlp/target/test-classes:nlp/target/classes:$(cat nlp/target/bench-classpath.txt) \
 *     io.wirewatch.nlp.bench.EnrichCpuTime [CONLL] [WARMUP_CPU_SECONDS] [ROUNDS] [ROUND_CPU_SECONDS]
 * </pre>
 */
public final class EnrichCpuTime {

    private static final int TOKENS = 20_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private EnrichCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        Path conll = Path.of(args.length > 0 ? args[0] : "../shared/data/ner/conll2003/eng.testa");
        double warmup = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        double round = args.length > 3 ? Double.parseDouble(args[3]) : 2;

        Story story = EnrichBenchmark.seedStory();
        ActorTagger entities = ActorTagger.standard(PerceptronNameFinder.bundled());
        Enricher enricher = new Enricher(WireSentenceSplitter.standard(), entities, PatternStanceTagger.standard(),
                WeightedEscalationScorer.standard(), "bench", Clock.systemUTC());
        NameFinder stage = new EntityStageNames(entities);
        List<List<String>> sentences = sentences(conll);

        Runnable enrich = () -> enricher.enrich(story);
        Runnable names = () -> {
            for (List<String> sentence : sentences) {
                stage.find(sentence);
            }
        };
        run(enrich, warmup);
        run(names, warmup);
        for (int r = 1; r <= rounds; r++) {
            double storiesPerSecond = run(enrich, round);
            double tokensPerSecond = run(names, round) * TOKENS;
            System.out.printf(Locale.ROOT, "round %d: enrichment %.1f stories per CPU-second, entity stage %.0f "
                    + "tokens per CPU-second%n", r, storiesPerSecond, tokensPerSecond);
        }
    }

    /** Runs {@code work} until the thread has spent {@code cpuSeconds} on it; operations per CPU-second. */
    private static double run(Runnable work, double cpuSeconds) {
        long start = THREADS.getCurrentThreadCpuTime();
        long budget = (long) (cpuSeconds * 1e9);
        long operations = 0;
        long spent;
        do {
            work.run();
            operations++;
            spent = THREADS.getCurrentThreadCpuTime() - start;
        } while (spent < budget);
        return operations / (spent / 1e9);
    }

    private static List<List<String>> sentences(Path conll) throws IOException {
        List<List<String>> out = new ArrayList<>();
        int tokens = 0;
        for (LabelledSentence sentence : ConllCorpus.read(conll)) {
            List<String> words = sentence.tokens();
            if (tokens + words.size() > TOKENS) {
                words = words.subList(0, TOKENS - tokens);
            }
            out.add(words);
            tokens += words.size();
            if (tokens == TOKENS) {
                return out;
            }
        }
        throw new IllegalStateException(conll + " has only " + tokens + " tokens, the measure needs " + TOKENS);
    }
}
