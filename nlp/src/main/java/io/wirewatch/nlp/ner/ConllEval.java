package io.wirewatch.nlp.ner;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Scores a {@link NameFinder} on a CoNLL file the way conlleval does: a name counts only when its span and type
 * both match exactly; per-type (PER, ORG, LOC, MISC) and overall precision, recall and F1 (micro-averaged).
 *
 * <p>From the command line: {@code ConllEval --conll FILE [--model MODEL] [--output FILE]}; without
 * {@code --model} the bundled model is scored. {@code --output} writes {@code token gold predicted} per line (IOB2,
 * a blank line between sentences), which any conlleval reads.
 */
public final class ConllEval {

    private ConllEval() {
    }

    /** True positives, false positives and false negatives of one type, or of all. */
    public record Counts(long truePositives, long falsePositives, long falseNegatives) {
        public double precision() {
            long predicted = truePositives + falsePositives;
            return predicted == 0 ? 0 : (double) truePositives / predicted;
        }

        public double recall() {
            long gold = truePositives + falseNegatives;
            return gold == 0 ? 0 : (double) truePositives / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Counts plus(Counts o) {
            return new Counts(truePositives + o.truePositives, falsePositives + o.falsePositives,
                    falseNegatives + o.falseNegatives);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "precision %.4f recall %.4f F1 %.4f (tp %d fp %d fn %d)",
                    precision(), recall(), f1(), truePositives, falsePositives, falseNegatives);
        }
    }

    /** Scores per type, in the order PER, ORG, LOC, MISC then any other type met, and overall. */
    public record Scores(Map<String, Counts> byType, Counts overall, long tokens, long sentences) {
        public Scores {
            byType = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byType));
            Objects.requireNonNull(overall, "overall");
        }

        /** A conlleval-like table. */
        public String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "processed %d tokens in %d sentences%n", tokens, sentences));
            out.append(String.format(Locale.ROOT, "%-8s %9s %9s %9s %7s %7s %7s%n",
                    "type", "precision", "recall", "F1", "gold", "found", "correct"));
            byType.forEach((type, c) -> row(out, type, c));
            row(out, "overall", overall);
            return out.toString();
        }

        private static void row(StringBuilder out, String name, Counts c) {
            out.append(String.format(Locale.ROOT, "%-8s %9.4f %9.4f %9.4f %7d %7d %7d%n", name, c.precision(),
                    c.recall(), c.f1(), c.truePositives() + c.falseNegatives(),
                    c.truePositives() + c.falsePositives(), c.truePositives()));
        }
    }

    public static Scores score(NameFinder finder, List<LabelledSentence> sentences) {
        try {
            return score(finder, sentences, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param output when given, receives each token with its gold and predicted IOB2 tag */
    public static Scores score(NameFinder finder, List<LabelledSentence> sentences, @Nullable Writer output)
            throws IOException {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (String type : Labels.TYPES) {
            counts.put(type, new long[3]);
        }
        long tokens = 0;
        for (LabelledSentence sentence : sentences) {
            List<NameSpan> predicted = finder.find(sentence.tokens());
            tokens += sentence.tokens().size();
            for (NameSpan p : predicted) {
                long[] c = counts.computeIfAbsent(p.type(), t -> new long[3]);
                if (sentence.names().contains(p)) {
                    c[0]++;
                } else {
                    c[1]++;
                }
            }
            for (NameSpan g : sentence.names()) {
                if (!predicted.contains(g)) {
                    counts.computeIfAbsent(g.type(), t -> new long[3])[2]++;
                }
            }
            if (output != null) {
                int n = sentence.tokens().size();
                List<String> goldTags = ConllCorpus.iob2(sentence.names(), n);
                List<String> predictedTags = ConllCorpus.iob2(predicted, n);
                for (int i = 0; i < n; i++) {
                    output.write(sentence.tokens().get(i) + " " + goldTags.get(i) + " " + predictedTags.get(i) + "\n");
                }
                output.write("\n");
            }
        }
        Map<String, Counts> byType = new LinkedHashMap<>();
        Counts overall = new Counts(0, 0, 0);
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            Counts c = new Counts(e.getValue()[0], e.getValue()[1], e.getValue()[2]);
            byType.put(e.getKey(), c);
            overall = overall.plus(c);
        }
        return new Scores(byType, overall, tokens, sentences.size());
    }

    /** Reads {@code conll}, scores {@code finder} on it, optionally writes the tagged tokens to {@code output}. */
    public static Scores evaluate(NameFinder finder, Path conll, @Nullable Path output) throws IOException {
        List<LabelledSentence> sentences = ConllCorpus.read(conll);
        if (output == null) {
            return score(finder, sentences, null);
        }
        try (BufferedWriter writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            return score(finder, sentences, writer);
        }
    }

    public static void main(String[] args) throws IOException {
        run(args, System.out);
    }

    static void run(String[] args, PrintStream out) throws IOException {
        Path conll = null;
        Path model = null;
        Path output = null;
        for (int a = 0; a < args.length; a += 2) {
            if (a + 1 >= args.length) {
                throw new IllegalArgumentException(args[a] + " needs a value");
            }
            switch (args[a]) {
                case "--conll" -> conll = Path.of(args[a + 1]);
                case "--model" -> model = Path.of(args[a + 1]);
                case "--output" -> output = Path.of(args[a + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[a]
                        + "; usage: ConllEval --conll FILE [--model MODEL] [--output FILE]");
            }
        }
        if (conll == null) {
            throw new IllegalArgumentException("usage: ConllEval --conll FILE [--model MODEL] [--output FILE]");
        }
        NameFinder finder = model == null ? PerceptronNameFinder.bundled() : PerceptronNameFinder.load(model);
        out.print(evaluate(finder, conll, output).table());
    }
}
