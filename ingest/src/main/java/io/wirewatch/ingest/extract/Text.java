package io.wirewatch.ingest.extract;

/** Whitespace normalisation shared by the extractors. */
public final class Text {

    private Text() {
    }

    /** Collapses every run of white space (including no-break and zero-width spaces) to one space; strips. */
    public static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The length of {@code text} in Latin-script terms: a Chinese, Japanese or Korean character counts three,
     * since these scripts write a word in one to three characters with no spaces, where English averages five
     * letters and a space. Thresholds for "a paragraph of prose" then hold for both.
     */
    public static int weight(String text) {
        int weight = 0;
        for (int i = 0; i < text.length(); i++) {
            weight += isCjk(text.charAt(i)) ? 3 : 1;
        }
        return weight;
    }

    /** True for sentence-ending punctuation in Latin and CJK scripts (. ! ? 。 ！ ？). */
    static boolean endsSentence(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\u3002' || c == '\uff01' || c == '\uff1f' || c == '\u0964';
    }

    private static boolean isCjk(char c) {
        return c >= '\u3040' && c <= '\u30ff' || c >= '\u3400' && c <= '\u4dbf' || c >= '\u4e00' && c <= '\u9fff'
                || c >= '\uac00' && c <= '\ud7af' || c >= '\uf900' && c <= '\ufaff';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00a0' || c == '\f' || c == '\u000b'
                || c >= '\u2000' && c <= '\u200b' || c == '\u202f' || c == '\u205f' || c == '\u3000' || c == '\ufeff'
                || c == '\u1680' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
