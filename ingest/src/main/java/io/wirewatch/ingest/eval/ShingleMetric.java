package io.wirewatch.ingest.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The main-text metric of the ScrapingHub article-extraction benchmark, exactly: tokens are {@code \w+} runs
 * (Unicode), shingles are runs of 4 tokens counted with multiplicity (a text of fewer tokens is one shingle),
 * per page tp/fp/fn are normalised to sum 1, precision and recall are means over the pages where they are
 * defined, and F1 is computed from those means.
 */
public final class ShingleMetric {

    private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int N = 4;

    /** One page's normalised true positives, false positives and false negatives. */
    public record Counts(double tp, double fp, double fn) {

        /** Precision of this page; 1 when nothing was wrong, 0 when nothing was right. */
        double precision() {
            if (fp == 0 && fn == 0) {
                return 1;
            }
            if (tp == 0 && fp == 0) {
                return 0;
            }
            return tp / (tp + fp);
        }

        double recall() {
            if (fp == 0 && fn == 0) {
                return 1;
            }
            if (tp == 0 && fn == 0) {
                return 0;
            }
            return tp / (tp + fn);
        }
    }

    /** Precision, recall and F1 over a set of pages. */
    public record Score(double precision, double recall, double f1, int pages) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "precision=%.3f recall=%.3f F1=%.3f (%d pages)",
                    precision, recall, f1, pages);
        }
    }

    private ShingleMetric() {
    }

    /** Matches the predicted text of one page against its true text. */
    public static Counts match(String truth, String predicted) {
        Map<List<String>, Integer> t = shingles(truth);
        Map<List<String>, Integer> p = shingles(predicted);
        double tp = 0;
        double fp = 0;
        double fn = 0;
        Set<List<String>> keys = new HashSet<>(t.keySet());
        keys.addAll(p.keySet());
        for (List<String> key : keys) {
            int tc = t.getOrDefault(key, 0);
            int pc = p.getOrDefault(key, 0);
            tp += Math.min(tc, pc);
            fp += Math.max(0, pc - tc);
            fn += Math.max(0, tc - pc);
        }
        double sum = tp + fp + fn;
        return sum > 0 ? new Counts(tp / sum, fp / sum, fn / sum) : new Counts(0, 0, 0);
    }

    /** The score over the pages' counts, as the benchmark's {@code metrics_from_tp_fp_fns} computes it. */
    public static Score score(List<Counts> pages) {
        double precisionSum = 0;
        int precisionPages = 0;
        double recallSum = 0;
        int recallPages = 0;
        for (Counts c : pages) {
            if (c.tp() + c.fp() > 0) {
                precisionSum += c.precision();
                precisionPages++;
            }
            if (c.tp() + c.fn() > 0) {
                recallSum += c.recall();
                recallPages++;
            }
        }
        double precision = precisionPages == 0 ? 0 : precisionSum / precisionPages;
        double recall = recallPages == 0 ? 0 : recallSum / recallPages;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Score(precision, recall, f1, pages.size());
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = tokens(text);
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i < Math.max(1, tokens.size() - N + 1); i++) {
            List<String> shingle = tokens.subList(i, Math.min(tokens.size(), i + N));
            if (!shingle.isEmpty()) {
                counts.merge(List.copyOf(shingle), 1, Integer::sum);
            }
        }
        return counts;
    }
}
