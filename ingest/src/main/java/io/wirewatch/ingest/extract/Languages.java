package io.wirewatch.ingest.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Guesses the language of a text from its commonest function words, for pages and files that do not declare
 * one. Knows English, German, French, Spanish, Italian, Portuguese, Dutch, Russian, Ukrainian and Polish by their
 * words, and by their script Chinese, Japanese, Korean, Greek, Hebrew, Thai, Armenian, Georgian, Hindi, Arabic and
 * Persian; answers null when the text is too short or no language clearly leads.
 */
public final class Languages {

    private static final Map<String, Set<String>> STOPWORDS = Map.of(
            "en", Set.of("the", "and", "of", "to", "in", "is", "that", "it", "was", "for", "on", "with", "he", "as",
                    "said", "by", "at", "from", "his", "would", "have", "has", "not", "this", "which", "be"),
            "de", Set.of("der", "die", "und", "das", "ist", "nicht", "den", "von", "mit", "sich", "des", "auf",
                    "für", "dem", "ein", "eine", "auch", "es", "im", "zu", "wird", "bei", "nach", "sind", "wie"),
            "fr", Set.of("le", "la", "les", "et", "des", "est", "une", "un", "du", "dans", "que", "pour", "qui",
                    "pas", "sur", "au", "avec", "ce", "par", "il", "sont", "aux", "été", "mais"),
            "es", Set.of("el", "la", "los", "las", "y", "que", "del", "en", "por", "con", "una", "para", "es",
                    "se", "su", "al", "lo", "como", "más", "pero", "fue", "ha", "sus"),
            "it", Set.of("il", "di", "che", "e", "la", "per", "non", "del", "della", "un", "una", "sono", "con",
                    "gli", "anche", "nel", "alla", "si", "è", "ha", "dei", "le", "più"),
            "pt", Set.of("o", "de", "que", "e", "do", "da", "em", "um", "para", "com", "não", "uma", "os", "no",
                    "na", "se", "por", "mais", "as", "dos", "como", "mas", "foi", "ao"),
            "nl", Set.of("de", "het", "een", "en", "van", "is", "dat", "op", "te", "in", "niet", "zijn", "met",
                    "voor", "er", "ook", "maar", "aan", "bij", "werd", "naar", "wordt"),
            "ru", Set.of("и", "в", "не", "на", "что", "с", "по", "как", "это", "к", "из", "но", "за", "от", "он",
                    "о", "для", "был", "его", "также", "было", "при", "она", "их"),
            "uk", Set.of("і", "в", "не", "на", "що", "з", "та", "у", "до", "як", "це", "за", "від", "він", "про",
                    "для", "був", "його", "також", "було", "при", "вона", "їх", "й"),
            "pl", Set.of("i", "w", "nie", "na", "się", "z", "że", "do", "to", "jest", "o", "jak", "po", "ale",
                    "od", "za", "przez", "dla", "był", "jego", "oraz", "już", "tak"));

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final int MIN_HITS = 8;

    private Languages() {
    }

    /** The ISO 639-1 code of the language {@code paragraphs} are written in, or null when unsure. */
    public static @Nullable String guess(List<String> paragraphs) {
        String byScript = byScript(paragraphs);
        if (byScript != null) {
            return byScript;
        }
        Map<String, Integer> hits = new HashMap<>();
        int words = 0;
        for (String paragraph : paragraphs) {
            Matcher m = WORD.matcher(paragraph.toLowerCase(Locale.ROOT));
            while (m.find() && words < 2000) {
                words++;
                String word = m.group();
                for (Map.Entry<String, Set<String>> language : STOPWORDS.entrySet()) {
                    if (language.getValue().contains(word)) {
                        hits.merge(language.getKey(), 1, Integer::sum);
                    }
                }
            }
        }
        String best = null;
        int bestHits = 0;
        int second = 0;
        for (Map.Entry<String, Integer> entry : hits.entrySet()) {
            if (entry.getValue() > bestHits) {
                second = bestHits;
                best = entry.getKey();
                bestHits = entry.getValue();
            } else if (entry.getValue() > second) {
                second = entry.getValue();
            }
        }
        return bestHits >= MIN_HITS && bestHits >= 1.3 * second ? best : null;
    }

    /**
     * The language a script tells on its own, when most letters are written in it: kana mean Japanese (which
     * mixes them with Chinese characters), Hangul Korean, Chinese characters alone Chinese; Greek, Hebrew, Thai,
     * Armenian, Georgian, Devanagari (read as Hindi) and Arabic script (Persian when it has the letters Persian
     * adds, else Arabic). Null for Latin and Cyrillic text, which the function words tell apart, and for mixtures.
     */
    static @Nullable String byScript(List<String> paragraphs) {
        Map<Character.UnicodeScript, Integer> counts = new java.util.EnumMap<>(Character.UnicodeScript.class);
        int letters = 0;
        boolean persian = false;
        for (String paragraph : paragraphs) {
            for (int i = 0; i < paragraph.length() && letters < 20_000; ) {
                int c = paragraph.codePointAt(i);
                i += Character.charCount(c);
                if (!Character.isLetter(c)) {
                    continue;
                }
                letters++;
                counts.merge(Character.UnicodeScript.of(c), 1, Integer::sum);
                persian |= c == 'پ' || c == 'چ' || c == 'ژ' || c == 'گ' || c == 'ی';
            }
        }
        if (letters < 10) {
            return null;
        }
        int kana = counts.getOrDefault(Character.UnicodeScript.HIRAGANA, 0)
                + counts.getOrDefault(Character.UnicodeScript.KATAKANA, 0);
        int han = counts.getOrDefault(Character.UnicodeScript.HAN, 0);
        if (han + kana > letters / 2) {
            return kana > (han + kana) / 10 ? "ja" : "zh";
        }
        for (Map.Entry<Character.UnicodeScript, Integer> entry : counts.entrySet()) {
            if (entry.getValue() <= letters / 2) {
                continue;
            }
            return switch (entry.getKey()) {
                case HANGUL -> "ko";
                case GREEK -> "el";
                case HEBREW -> "he";
                case THAI -> "th";
                case ARMENIAN -> "hy";
                case GEORGIAN -> "ka";
                case DEVANAGARI -> "hi";
                case ARABIC -> persian ? "fa" : "ar";
                default -> null;
            };
        }
        return null;
    }
}
