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
        List<ConllEval.Scores> folds = new ArrayList<>();
        for (int fold = 0; fold < k; fold++) {
            PerceptronNameFinder model = Trainer.train(training(sentences, k, fold), options);
            ConllEval.Scores scores = ConllEval.score(model, heldOut(sentences, k, fold));
            log.info("fold {} of {}: {}", fold + 1, k, scores.overall());
            folds.add(scores);
        }
        return pool(folds);
    }

    /** The sentences of fold {@code fold} (from 0) of {@code k} contiguous folds: the ones it scores. */
    public static List<LabelledSentence> heldOut(List<LabelledSentence> sentences, int k, int fold) {
        checkFolds(sentences, k, fold);
        return sentences.subList(from(sentences, k, fold), from(sentences, k, fold + 1));
    }

    /** The sentences of every fold but {@code fold}: what its model is trained on. */
    public static List<LabelledSentence> training(List<LabelledSentence> sentences, int k, int fold) {
        checkFolds(sentences, k, fold);
        List<LabelledSentence> train = new ArrayList<>(sentences.subList(0, from(sentences, k, fold)));
        train.addAll(sentences.subList(from(sentences, k, fold + 1), sentences.size()));
        return train;
    }

    private static int from(List<LabelledSentence> sentences, int k, int fold) {
        return (int) ((long) sentences.size() * fold / k);
    }

    private static void checkFolds(List<LabelledSentence> sentences, int k, int fold) {
        if (k < 2 || k > sentences.size()) {
            throw new IllegalArgumentException("folds must be between 2 and the " + sentences.size()
                    + " sentences, got " + k);
        }
        if (fold < 0 || fold >= k) {
            throw new IllegalArgumentException("fold must be between 0 and " + (k - 1) + ", got " + fold);
        }
    }

    /** The counts of several folds' scores added up, per type and overall. */
    public static ConllEval.Scores pool(List<ConllEval.Scores> folds) {
        Map<String, long[]> byType = new TreeMap<>();
        long[] overall = new long[3];
        long tokens = 0;
        long scored = 0;
        for (ConllEval.Scores scores : folds) {
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
