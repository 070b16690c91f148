package io.wirewatch.nlp.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;

/**
 * Universal part-of-speech tags (VERB, NOUN, AUX, ...) for the tokens of a sentence, from OpenNLP's English model
 * trained on the Universal Dependencies English Web Treebank (Apache-2.0, Maven artifact
 * {@code org.apache.opennlp:opennlp-models-pos-en}). Costly next to the rest of enrichment (about 100 k tokens/s),
 * so callers tag only sentences that need it. Thread-safe: each thread gets its own tagger over the shared model.
 */
public final class PartOfSpeech {

    static final String MODEL = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    private static volatile PartOfSpeech standard;

    private final ThreadLocal<POSTaggerME> taggers;

    private PartOfSpeech(POSModel model) {
        this.taggers = ThreadLocal.withInitial(() -> new POSTaggerME(model));
    }

    /** The English model on the classpath, loaded once. */
    public static PartOfSpeech standard() {
        PartOfSpeech local = standard;
        if (local == null) {
            synchronized (PartOfSpeech.class) {
                local = standard;
                if (local == null) {
                    local = new PartOfSpeech(load());
                    standard = local;
                }
            }
        }
        return local;
    }

    private static POSModel load() {
        try (InputStream in = PartOfSpeech.class.getClassLoader().getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("the part-of-speech model " + MODEL
                        + " is not on the classpath (Maven artifact org.apache.opennlp:opennlp-models-pos-en)");
            }
            return new POSModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the part-of-speech model " + MODEL, e);
        }
    }

    /** One universal tag per token. */
    public String[] tag(List<Token> tokens) {
        String[] words = new String[tokens.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = tokens.get(i).text();
        }
        return taggers.get().tag(words);
    }
}
