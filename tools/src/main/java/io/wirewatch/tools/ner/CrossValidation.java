package io.wirewatch.tools.ner;

import io.wirewatch.nlp.ner.ConllCorpus;
import io.wirewatch.nlp.ner.ConllEval;
import io.wirewatch.nlp.ner.LabelledSentence;
import io.wirewatch.nlp.ner.PerceptronNameFinder;
import io.wirewatch.nlp.ner.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * K-fold cross-validation of the name finder on its training data alone: the sentences are cut into {@code k}
 * contiguous folds (CoNLL files keep a document's sentences together, so no document is split across training
 * and scoring), each fold is scored by a model trained on the others, and the counts of all folds are pooled.
 * The figure to set beside the development-set score, never to pick settings on a test split.
 */
public final class CrossValidation {

    private static final Logger log = LoggerFactory.getLogger(CrossValidation.class);

    private CrossValidation() {
    }

    /** The pooled scores of {@code k} folds over {@code sentences}, trained with {@code options}. */
    public static ConllEval.Scores run(List<LabelledSentence> sentences, int k, Trainer.Options options) {
        if (k < 2 || k > sentences.size()) {
            throw new IllegalArgumentException("folds must be between 2 and the " + sentences.size()
                    + " sentences, got " + k);
        }
        Map<String, long[]> byType = new TreeMap<>();
        long[] overall = new long[3];
        long tokens = 0;
        long scored = 0;
        for (int fold = 0; fold < k; fold++) {
            int from = (int) ((long) sentences.size() * fold / k);
            int to = (int) ((long) sentences.size() * (fold + 1) / k);
            List<LabelledSentence> train = new ArrayList<>(sentences.subList(0, from));
            train.addAll(sentences.subList(to, sentences.size()));
            PerceptronNameFinder model = Trainer.train(train, options);
            ConllEval.Scores scores = ConllEval.score(model, sentences.subList(from, to));
            log.info("fold {} of {}: {}", fold + 1, k, scores.overall());
            add(overall, scores.overall());
            scores.byType().forEach((type, counts) -> add(byType.computeIfAbsent(type, t -> new long[3]), counts));
            tokens += scores.tokens();
            scored += scores.sentences();
        }
        Map<String, ConllEval.Counts> types = new TreeMap<>();
        byType.forEach((type, c) -> types.put(type, new ConllEval.Counts(c[0], c[1], c[2])));
        return new ConllEval.Scores(types, new ConllEval.Counts(overall[0], overall[1], overall[2]), tokens, scored);
    }

    private static void add(long[] sum, ConllEval.Counts counts) {
        sum[0] += counts.truePositives();
        sum[1] += counts.falsePositives();
        sum[2] += counts.falseNegatives();
    }

    /**
     * {@code CrossValidation TRAIN.conll K [RUNS] [--known-names]}: prints each fold and the pooled table; the flag
     * trains with the {@link KnownNames} features.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 4) {
            throw new IllegalArgumentException("usage: CrossValidation TRAIN.conll K [RUNS] [--known-names]");
        }
        Trainer.Options defaults = Trainer.Options.defaults();
        int runs = args.length > 2 && !args[2].startsWith("--") ? Integer.parseInt(args[2]) : defaults.runs();
        boolean knownNames = args[args.length - 1].equals("--known-names");
        ConllEval.Scores scores = run(ConllCorpus.read(Path.of(args[0])), Integer.parseInt(args[1]),
                new Trainer.Options(defaults.epochs(), defaults.folds(), defaults.seed(), runs, knownNames));
        System.out.println(scores.table());
    }
}
