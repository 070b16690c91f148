package io.wirewatch.nlp.ner;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tokens the name finder tags per CPU-second of the tagging thread (not per second of wall clock), over every
 * sentence of a CoNLL file, round after round: on a machine shared with other work, the thread's CPU time moves
 * far less than wall time, so two models can be compared where JMH's wall-clock figures drown in the load (it
 * still moves with cache and core sharing: alternate the runs). Prints the median and best of the last half of
 * the rounds. {@code NameFinderCpuRate CONLL [ROUNDS] [MODEL]}; without MODEL, the bundled model.
 */
public final class NameFinderCpuRate {

    private NameFinderCpuRate() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            throw new IllegalArgumentException("usage: NameFinderCpuRate CONLL [ROUNDS] [MODEL]");
        }
        List<List<String>> sentences = new ArrayList<>();
        long tokens = 0;
        for (LabelledSentence sentence : ConllCorpus.read(Path.of(args[0]))) {
            sentences.add(sentence.tokens());
            tokens += sentence.tokens().size();
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        if (rounds < 2) {
            throw new IllegalArgumentException("rounds must be at least 2, got " + rounds);
        }
        PerceptronNameFinder model = args.length > 2 ? PerceptronNameFinder.load(Path.of(args[2]))
                : PerceptronNameFinder.bundled();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] rates = new double[rounds];
        long names = 0;
        for (int round = 0; round < rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (List<String> sentence : sentences) {
                names += model.find(sentence).size();
            }
            rates[round] = tokens / ((threads.getCurrentThreadCpuTime() - start) / 1e9);
        }
        double[] last = Arrays.copyOfRange(rates, rounds / 2, rounds);
        Arrays.sort(last);
        System.out.printf("%s: %,d tokens; tokens per CPU-second, last %d of %d rounds: median %,.0f, best %,.0f"
                        + " (%,d names)%n", args.length > 2 ? args[2] : "bundled model", tokens, last.length, rounds,
                last[last.length / 2], last[last.length - 1], names / rounds);
    }
}
