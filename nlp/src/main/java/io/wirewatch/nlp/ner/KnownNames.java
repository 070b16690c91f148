package io.wirewatch.nlp.ner;

import io.wirewatch.nlp.kb.ActorKb;
import io.wirewatch.nlp.kb.Gazetteer;
import io.wirewatch.nlp.text.Token;
import io.wirewatch.nlp.text.Tokenizer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Names known from outside the training text, for features that carry over to text the training data never saw:
 * the cities and regions of the bundled GeoNames gazetteer and the names the actor knowledge base writes
 * (countries, capitals, demonyms, international bodies, organisations, people), each with the CoNLL type it has.
 * Kept as hashes of lower-cased token sequences (accents kept and, where different, also folded away), so the
 * model file carries them and tagging needs neither file. Matching is case-blind; the features say whether the
 * token was capitalised. Used when training with {@code --known-names} (as the bundled model was).
 */
final class KnownNames {

    private static final int T_KNOWN = 5;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final LongIntMap table;

    private KnownNames(LongIntMap table) {
        this.table = table;
    }

    /** No known names: the features then say nothing (as models of format 2, from before this table, were). */
    static KnownNames none() {
        return new KnownNames(new LongIntMap(4));
    }

    /** The bundled gazetteer's places and the bundled knowledge base's names. */
    static KnownNames bundled() {
        ActorKb kb = ActorKb.standard();
        LongIntMap table = new LongIntMap(1 << 16);
        for (Gazetteer.Place place : kb.places().places()) {
            add(table, place.name(), Labels.typeIndex("LOC"));
        }
        for (ActorKb.NameForm form : kb.nameForms()) {
            String type = conllType(form);
            if (type != null) {
                add(table, form.form(), Labels.typeIndex(type));
            }
        }
        return new KnownNames(table);
    }

    /** The CoNLL type a knowledge-base name has (CoNLL calls countries and capitals LOC, demonyms MISC), or null. */
    static @Nullable String conllType(ActorKb.NameForm form) {
        return switch (form.kind()) {
            case "country", "place" -> form.field().equals("demonyms") || form.field().equals("adjectives")
                    ? "MISC" : "LOC";
            case "igo", "org" -> "ORG";
            case "bloc" -> form.field().equals("demonyms") ? "MISC" : "ORG";
            case "person" -> "PER";
            default -> null;
        };
    }

    private static void add(LongIntMap table, String name, int type) {
        List<String> words = new ArrayList<>();
        for (Token token : Tokenizer.tokenize(name)) {
            words.add(token.text().toLowerCase(Locale.ROOT));
        }
        if (!words.isEmpty() && words.get(0).equals("the")) {
            words.remove(0);
        }
        if (words.isEmpty() || words.size() > Lexicon.MAX_NAME_TOKENS) {
            return;
        }
        put(table, words, type);
        List<String> folded = new ArrayList<>(words.size());
        for (String word : words) {
            folded.add(MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll(""));
        }
        if (!folded.equals(words)) {
            put(table, folded, type);
        }
    }

    private static void put(LongIntMap table, List<String> words, int type) {
        long h = Hashing.start(T_KNOWN);
        for (int i = 0; i < words.size(); i++) {
            h = Hashing.add(h, words.get(i));
            table.or(Hashing.finish(h), i + 1 == words.size() ? 1 << type : Lexicon.PREFIX);
        }
    }

    /**
     * Types (bit per type) of the known name that is exactly the lower-cased {@code lower[start, end)}, or'd with
     * {@link Lexicon#PREFIX} when a longer name starts with those words; 0 when neither.
     */
    int types(String[] lower, int start, int end) {
        long h = Hashing.start(T_KNOWN);
        for (int i = start; i < end; i++) {
            h = Hashing.add(h, lower[i]);
        }
        return table.get(Hashing.finish(h), 0);
    }

    boolean isEmpty() {
        return table.size() == 0;
    }

    void write(DataOutputStream out) throws IOException {
        table.write(out);
    }

    static KnownNames read(DataInputStream in) throws IOException {
        return new KnownNames(LongIntMap.read(in));
    }

    long bytes() {
        return table.bytes();
    }
}
