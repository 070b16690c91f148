package io.wirewatch.nlp.ner;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A name finder with an averaged structured perceptron: hashed features per token ({@link Features}) scored
 * against BILOU labels over PER, ORG, LOC and MISC, decoded with Viterbi over label transitions so that every
 * name it returns is well formed. Immutable and thread-safe once loaded. Train one with {@link Trainer}; the
 * bundled model ({@link #bundled()}) is trained on CoNLL-2003 English (see {@code MODEL_CARD.md}).
 */
public final class PerceptronNameFinder implements NameFinder {

    /** Where the bundled model lives on the class path. */
    public static final String BUNDLED_RESOURCE = "/io/wirewatch/nlp/ner/conll2003-en.model.gz";

    private static final int MAGIC = 0x574e4552; // "WNER"
    /**
     * Format 3 adds the {@link KnownNames} table after the lexicon; a model without known names is written as
     * format 2, as before the table existed (so retraining the bundled model gives the same bytes).
     */
    private static final int VERSION = 3;
    private static final int L = Labels.COUNT;
    private static final int MAX_WINDOW = 1000;

    private final Lexicon lexicon;
    private final KnownNames known;
    private final Features features;
    private final FeatureWeights weights;
    private final float[] transitions;
    private final float[] constrained;
    private final int[][] predecessors;

    PerceptronNameFinder(Lexicon lexicon, KnownNames known, LongIntMap rows, float[] weights, float[] transitions) {
        this.lexicon = lexicon;
        this.known = known;
        this.features = new Features(lexicon, known);
        if (weights.length != rows.size() * L || transitions.length != (L + 1) * L) {
            throw new IllegalArgumentException("weights do not fit " + rows.size() + " features of " + L + " labels");
        }
        this.weights = new FeatureWeights(rows, weights, L);
        this.transitions = transitions;
        this.constrained = constrain(transitions);
        this.predecessors = predecessors(constrained);
    }

    private static final class Holder {
        static final PerceptronNameFinder BUNDLED = loadBundled();

        private static PerceptronNameFinder loadBundled() {
            try (InputStream in = PerceptronNameFinder.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the bundled model " + BUNDLED_RESOURCE + " is not on the class path");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled model " + BUNDLED_RESOURCE, e);
            }
        }
    }

    /** The model shipped with wirewatch, loaded once. */
    public static PerceptronNameFinder bundled() {
        return Holder.BUNDLED;
    }

    public static PerceptronNameFinder load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new IOException("cannot read name-finder model " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>A "sentence" longer than {@value #MAX_WINDOW} tokens (a story the splitter could not cut, a table) is tagged
     * in windows of at most that many tokens, cut where possible before a lower-case word so that no name is split.
     */
    /** A sentence-initial word the training text also wrote in lower case ("Seeking", "Everything") is no name. */
    @Override
    public boolean mayBeName(String sentenceInitialWord) {
        return !lexicon.seenLower(sentenceInitialWord.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public List<NameSpan> find(List<String> tokens) {
        Objects.requireNonNull(tokens, "tokens");
        int n = tokens.size();
        if (n <= MAX_WINDOW) {
            return n == 0 ? List.of() : tag(tokens);
        }
        List<NameSpan> spans = new ArrayList<>();
        int start = 0;
        while (start < n) {
            int end = Math.min(n, start + MAX_WINDOW);
            if (end < n) {
                for (int cut = end; cut > end - 64; cut--) {
                    if (Features.isLowerWord(tokens.get(cut))) {
                        end = cut;
                        break;
                    }
                }
            }
            for (NameSpan span : tag(tokens.subList(start, end))) {
                spans.add(new NameSpan(span.start() + start, span.end() + start, span.type()));
            }
            start = end;
        }
        return spans;
    }

    private List<NameSpan> tag(List<String> tokens) {
        int n = tokens.size();
        float[] scores = new float[n * L];
        // All keys first, then all rows, then the weights, each in the order the features come: the lookups do
        // not wait on one another, so the processor overlaps their cache misses; the sums are added in the same
        // order as one feature at a time, so the scores are the same.
        Collected collected = new Collected(n * 40);
        features.extract(tokens, collected);
        int count = collected.count;
        long[] keys = collected.keys;
        int[] found = new int[count];
        for (int f = 0; f < count; f++) {
            found[f] = weights.find(keys[f]);
        }
        int[] tokenOf = collected.tokens;
        for (int f = 0; f < count; f++) {
            int row = found[f];
            if (row >= 0) {
                weights.addTo(row, scores, tokenOf[f] * L);
            }
        }
        return Labels.decode(viterbi(scores, n, constrained, predecessors));
    }

    /** The feature keys of one sentence and the token of each, in the order {@link Features} gives them. */
    private static final class Collected implements Features.Sink {
        long[] keys;
        int[] tokens;
        int count;

        Collected(int expected) {
            keys = new long[expected];
            tokens = new int[expected];
        }

        @Override
        public void accept(int token, long feature) {
            if (count == keys.length) {
                keys = Arrays.copyOf(keys, count * 2);
                tokens = Arrays.copyOf(tokens, count * 2);
            }
            keys[count] = feature;
            tokens[count++] = token;
        }
    }

    /** Transition weights with every transition BILOU forbids set to minus infinity. */
    static float[] constrain(float[] transitions) {
        float[] constrained = transitions.clone();
        for (int prev = -1; prev < L; prev++) {
            for (int y = 0; y < L; y++) {
                if (!Labels.allowed(prev, y)) {
                    constrained[(prev + 1) * L + y] = Float.NEGATIVE_INFINITY;
                }
            }
        }
        return constrained;
    }

    /**
     * The best valid BILOU sequence for per-token label scores and {@link #constrain constrained} transition
     * weights ({@code (L + 1) x L}, row 0 for the sentence start).
     */
    static int[] viterbi(float[] scores, int n, float[] constrained) {
        return viterbi(scores, n, constrained, predecessors(constrained));
    }

    /**
     * Per label, the labels that may precede it (transition weight not minus infinity), in label order: a
     * forbidden transition never wins, so Viterbi skips it (BILOU allows 97 of the 289 pairs).
     */
    static int[][] predecessors(float[] constrained) {
        int[][] before = new int[L][];
        for (int y = 0; y < L; y++) {
            int[] allowed = new int[L];
            int count = 0;
            for (int p = 0; p < L; p++) {
                if (constrained[(p + 1) * L + y] != Float.NEGATIVE_INFINITY) {
                    allowed[count++] = p;
                }
            }
            before[y] = Arrays.copyOf(allowed, count);
        }
        return before;
    }

    private static int[] viterbi(float[] scores, int n, float[] constrained, int[][] predecessors) {
        float[] best = new float[n * L];
        int[] back = new int[n * L];
        for (int y = 0; y < L; y++) {
            best[y] = scores[y] + constrained[y];
        }
        for (int i = 1; i < n; i++) {
            int here = i * L;
            int prev = here - L;
            for (int y = 0; y < L; y++) {
                float top = Float.NEGATIVE_INFINITY;
                int arg = 0;
                for (int p : predecessors[y]) {
                    float s = best[prev + p] + constrained[(p + 1) * L + y];
                    if (s > top) {
                        top = s;
                        arg = p;
                    }
                }
                best[here + y] = top + scores[here + y];
                back[here + y] = arg;
            }
        }
        int last = (n - 1) * L;
        int arg = 0;
        float top = Float.NEGATIVE_INFINITY;
        for (int y = 0; y < L; y++) {
            if (Labels.allowedEnd(y) && best[last + y] > top) {
                top = best[last + y];
                arg = y;
            }
        }
        int[] labels = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            labels[i] = arg;
            arg = back[i * L + arg];
        }
        return labels;
    }

    /** Writes the model, gzip-compressed; {@link #read} reads it back. */
    public void write(OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(new BufferedOutputStream(out, 1 << 16), 1 << 16);
        DataOutputStream data = new DataOutputStream(gzip);
        data.writeInt(MAGIC);
        data.writeInt(known.isEmpty() ? 2 : VERSION);
        data.writeInt(L);
        lexicon.write(data);
        if (!known.isEmpty()) {
            known.write(data);
        }
        weights.write(data);
        for (float t : transitions) {
            data.writeFloat(t);
        }
        data.flush();
        gzip.finish();
        gzip.flush();
    }

    public void save(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out);
        }
    }

    public static PerceptronNameFinder read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new GZIPInputStream(new BufferedInputStream(in, 1 << 16), 1 << 16));
        int magic = data.readInt();
        if (magic != MAGIC) {
            throw new IOException("not a wirewatch name-finder model (magic " + Integer.toHexString(magic) + ")");
        }
        int version = data.readInt();
        if (version != VERSION && version != 2) {
            throw new IOException("model format version " + version + ", this build reads 2 and " + VERSION);
        }
        int labels = data.readInt();
        if (labels != L) {
            throw new IOException("model has " + labels + " labels, this build uses " + L);
        }
        Lexicon lexicon = Lexicon.read(data);
        KnownNames known = version == 2 ? KnownNames.none() : KnownNames.read(data);
        int n = data.readInt();
        LongIntMap rows = new LongIntMap(n);
        float[] weights = new float[n * L];
        for (int row = 0; row < n; row++) {
            rows.put(data.readLong(), row);
            int mask = data.readInt();
            for (int y = 0; y < L; y++) {
                if ((mask & (1 << y)) != 0) {
                    weights[row * L + y] = data.readFloat();
                }
            }
        }
        float[] transitions = new float[(L + 1) * L];
        for (int k = 0; k < transitions.length; k++) {
            transitions[k] = data.readFloat();
        }
        return new PerceptronNameFinder(lexicon, known, rows, weights, transitions);
    }

    /** Number of weighted features. */
    public int featureCount() {
        return weights.rows();
    }

    /** An estimate of the heap the loaded model holds, in bytes. */
    public long heapBytes() {
        return lexicon.bytes() + known.bytes() + weights.bytes() + transitions.length * 4L;
    }
}
