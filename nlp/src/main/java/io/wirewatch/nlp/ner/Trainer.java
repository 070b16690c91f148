package io.wirewatch.nlp.ner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link PerceptronNameFinder} on annotated sentences (CoNLL format, see {@link ConllCorpus}) with an
 * averaged structured perceptron. Lexicon features (gazetteer, word priors) are computed jack-knifed: the sentences
 * of each fold see a lexicon built from the other folds only, so the model learns how far to trust a lexicon that,
 * on new text, misses many names; the shipped model carries the lexicon of all the training data.
 *
 * <p>From the command line: {@code Trainer --conll train.conll --out model.gz [--epochs 8] [--folds 10]
 * [--seed 1] [--runs 5] [--dev dev.conll] [--known-names]}.
 */
public final class Trainer {

    private static final Logger log = LoggerFactory.getLogger(Trainer.class);
    private static final int L = Labels.COUNT;

    /**
     * How to train: passes over the data, jack-knife folds (1 = no jack-knifing), the shuffling seed, how many
     * runs (seeds {@code seed, seed + 1, ...}) to average (one run's score depends on its shuffle by a few tenths of
     * a point of F1; the average of several is steadier and a little better), and whether the features see the
     * {@link KnownNames} of the bundled gazetteer and knowledge base (they are not jack-knifed: they do not come
     * from the training text). The bundled model is trained with them (they raise cross-validated F1 on
     * CoNLL-2003; see the model card); off by default so that a model trained on one's own data reads nothing but
     * that data unless asked.
     */
    public record Options(int epochs, int folds, long seed, int runs, boolean knownNames) {
        public Options {
            if (runs < 1) {
                throw new IllegalArgumentException("runs must be at least 1, got " + runs);
            }
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
            }
            if (folds < 1) {
                throw new IllegalArgumentException("folds must be at least 1, got " + folds);
            }
        }

        public static Options defaults() {
            return new Options(8, 10, 1L, 5, false);
        }

        public Options(int epochs, int folds, long seed, int runs) {
            this(epochs, folds, seed, runs, defaults().knownNames());
        }

        public Options(int epochs, int folds, long seed) {
            this(epochs, folds, seed, 1);
        }

    }

    private Trainer() {
    }

    public static PerceptronNameFinder train(List<LabelledSentence> sentences, Options options) {
        return train(sentences, options, null);
    }

    /** @param dev when given, scored after each epoch and logged (it does not steer training) */
    public static PerceptronNameFinder train(List<LabelledSentence> sentences, Options options,
                                             @Nullable List<LabelledSentence> dev) {
        Objects.requireNonNull(sentences, "sentences");
        Objects.requireNonNull(options, "options");
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("no training sentences");
        }
        int n = sentences.size();
        int[] fold = folds(sentences, options.folds());
        Lexicon full = Lexicon.build(sentences);
        KnownNames known = options.knownNames() ? KnownNames.bundled() : KnownNames.none();
        Features[] foldFeatures = new Features[options.folds()];
        for (int k = 0; k < options.folds(); k++) {
            if (options.folds() == 1) {
                foldFeatures[k] = new Features(full, known);
            } else {
                List<LabelledSentence> rest = new ArrayList<>();
                for (int s = 0; s < n; s++) {
                    if (fold[s] != k) {
                        rest.add(sentences.get(s));
                    }
                }
                foldFeatures[k] = new Features(Lexicon.build(rest), known);
            }
        }

        LongIntMap index = new LongIntMap(1 << 20);
        int[][][] feats = new int[n][][];
        int[][] gold = new int[n][];
        for (int s = 0; s < n; s++) {
            LabelledSentence sentence = sentences.get(s);
            int len = sentence.tokens().size();
            IntList[] perToken = new IntList[len];
            for (int i = 0; i < len; i++) {
                perToken[i] = new IntList();
            }
            foldFeatures[fold[s]].extract(sentence.tokens(),
                    (token, feature) -> perToken[token].add(index.getOrAdd(feature, index.size())));
            feats[s] = new int[len][];
            for (int i = 0; i < len; i++) {
                feats[s][i] = perToken[i].toArray();
            }
            gold[s] = Labels.encode(sentence.names(), len);
        }
        int f = index.size();
        log.info("training on {} sentences, {} features, {} epochs, {} folds, {} runs", n, f, options.epochs(),
                options.folds(), options.runs());

        float[] sumW = new float[f * L];
        float[] sumT = new float[(L + 1) * L];
        for (int run = 0; run < options.runs(); run++) {
            float[][] averaged = run(feats, gold, f, options.epochs(), options.seed() + run, epoch -> { });
            for (int k = 0; k < sumW.length; k++) {
                sumW[k] += averaged[0][k] / options.runs();
            }
            for (int k = 0; k < sumT.length; k++) {
                sumT[k] += averaged[1][k] / options.runs();
            }
            if (dev != null) {
                PerceptronNameFinder single = build(full, known, index, averaged[0], averaged[1]);
                log.info("run {}: dev {}", run + 1, ConllEval.score(single, dev).overall());
            }
        }
        PerceptronNameFinder model = build(full, known, index, sumW, sumT);
        if (dev != null && options.runs() > 1) {
            log.info("average of {} runs: dev {}", options.runs(), ConllEval.score(model, dev).overall());
        }
        return model;
    }

    /** One averaged-perceptron run; returns the averaged feature weights and transition weights. */
    private static float[][] run(int[][][] feats, int[][] gold, int f, int epochs, long seed,
                                 java.util.function.IntConsumer afterEpoch) {
        int n = feats.length;
        float[] w = new float[f * L];
        double[] u = new double[f * L];
        float[] t = new float[(L + 1) * L];
        double[] tu = new double[(L + 1) * L];
        long c = 1;
        Random random = new Random(seed);
        int[] order = new int[n];
        for (int s = 0; s < n; s++) {
            order[s] = s;
        }
        for (int epoch = 1; epoch <= epochs; epoch++) {
            shuffle(order, random);
            int mistakes = 0;
            for (int s : order) {
                int[][] x = feats[s];
                int[] y = gold[s];
                int len = y.length;
                if (len == 0) {
                    continue;
                }
                float[] scores = new float[len * L];
                for (int i = 0; i < len; i++) {
                    for (int feature : x[i]) {
                        int from = feature * L;
                        int to = i * L;
                        for (int label = 0; label < L; label++) {
                            scores[to + label] += w[from + label];
                        }
                    }
                }
                int[] predicted = PerceptronNameFinder.viterbi(scores, len, PerceptronNameFinder.constrain(t));
                if (!Arrays.equals(predicted, y)) {
                    mistakes++;
                    for (int i = 0; i < len; i++) {
                        if (predicted[i] != y[i]) {
                            for (int feature : x[i]) {
                                w[feature * L + y[i]] += 1;
                                u[feature * L + y[i]] += c;
                                w[feature * L + predicted[i]] -= 1;
                                u[feature * L + predicted[i]] -= c;
                            }
                        }
                        int goldPrev = i == 0 ? 0 : y[i - 1] + 1;
                        int predPrev = i == 0 ? 0 : predicted[i - 1] + 1;
                        if (goldPrev != predPrev || y[i] != predicted[i]) {
                            t[goldPrev * L + y[i]] += 1;
                            tu[goldPrev * L + y[i]] += c;
                            t[predPrev * L + predicted[i]] -= 1;
                            tu[predPrev * L + predicted[i]] -= c;
                        }
                    }
                }
                c++;
            }
            log.debug("seed {} epoch {}: {} of {} sentences mistagged", seed, epoch, mistakes, n);
            afterEpoch.accept(epoch);
        }
        float[] averagedW = new float[w.length];
        for (int k = 0; k < w.length; k++) {
            averagedW[k] = (float) (w[k] - u[k] / c);
        }
        float[] averagedT = new float[t.length];
        for (int k = 0; k < t.length; k++) {
            averagedT[k] = (float) (t[k] - tu[k] / c);
        }
        return new float[][] {averagedW, averagedT};
    }

    /** The model: the lexicon, and the features whose weights are not all (nearly) zero. */
    private static PerceptronNameFinder build(Lexicon lexicon, KnownNames known, LongIntMap index, float[] weights,
                                              float[] t) {
        int f = index.size();
        float[] kept = new float[f * L];
        int[] newRow = new int[f];
        int rows = 0;
        for (int feature = 0; feature < f; feature++) {
            boolean any = false;
            for (int y = 0; y < L; y++) {
                float value = weights[feature * L + y];
                if (Math.abs(value) < 1e-4f) {
                    value = 0f;
                }
                kept[rows * L + y] = value;
                any |= value != 0f;
            }
            newRow[feature] = any ? rows++ : -1;
        }
        LongIntMap keys = new LongIntMap(rows);
        index.forEach((key, feature) -> {
            if (newRow[feature] >= 0) {
                keys.put(key, newRow[feature]);
            }
        });
        return new PerceptronNameFinder(lexicon, known, keys, Arrays.copyOf(kept, rows * L), t.clone());
    }

    /** Fold of each sentence: by document when there are enough documents, else by sentence. */
    private static int[] folds(List<LabelledSentence> sentences, int folds) {
        int[] fold = new int[sentences.size()];
        int documents = sentences.get(sentences.size() - 1).document() + 1;
        boolean byDocument = documents >= folds * 2;
        for (int s = 0; s < fold.length; s++) {
            fold[s] = (byDocument ? sentences.get(s).document() : s) % folds;
        }
        return fold;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }

    private static final class IntList {
        private int[] values = new int[48];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    private static final String USAGE = "usage: Trainer --conll FILE --out MODEL [--epochs N] [--folds N] [--seed N]"
            + " [--runs N] [--dev FILE] [--known-names]";

    public static void main(String[] args) throws IOException {
        Path conll = null;
        Path out = null;
        Path dev = null;
        Options defaults = Options.defaults();
        int epochs = defaults.epochs();
        int folds = defaults.folds();
        long seed = defaults.seed();
        int runs = defaults.runs();
        boolean knownNames = defaults.knownNames();
        for (int a = 0; a < args.length; a++) {
            String value = a + 1 < args.length ? args[a + 1] : null;
            if (args[a].equals("--known-names")) {
                knownNames = true;
                continue;
            }
            switch (args[a]) {
                case "--conll" -> conll = Path.of(required(args[a], value));
                case "--out" -> out = Path.of(required(args[a], value));
                case "--dev" -> dev = Path.of(required(args[a], value));
                case "--epochs" -> epochs = Integer.parseInt(required(args[a], value));
                case "--folds" -> folds = Integer.parseInt(required(args[a], value));
                case "--seed" -> seed = Long.parseLong(required(args[a], value));
                case "--runs" -> runs = Integer.parseInt(required(args[a], value));
                default -> throw new IllegalArgumentException("unknown option " + args[a]
                        + "; " + USAGE);
            }
            a++;
        }
        if (conll == null || out == null) {
            throw new IllegalArgumentException(USAGE);
        }
        PerceptronNameFinder model = train(ConllCorpus.read(conll), new Options(epochs, folds, seed, runs, knownNames),
                dev == null ? null : ConllCorpus.read(dev));
        model.save(out);
        log.info("wrote {} ({} features)", out, model.featureCount());
    }

    private static String required(String option, @Nullable String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
