package io.wirewatch.ingest.extract;

import java.util.regex.Pattern;

/** Whitespace normalisation shared by the extractors. */
public final class Text {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u2000-\\u200b\\u202f\\u205f\\u3000\\ufeff]+");

    private Text() {
    }

    /** Collapses every run of white space (including no-break and zero-width spaces) to one space; strips. */
    public static String normalise(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }
}
