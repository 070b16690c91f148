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

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00a0' || c == '\f' || c == '\u000b'
                || c >= '\u2000' && c <= '\u200b' || c == '\u202f' || c == '\u205f' || c == '\u3000' || c == '\ufeff'
                || c == '\u1680' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
