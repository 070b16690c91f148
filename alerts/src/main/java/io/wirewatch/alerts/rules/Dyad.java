package io.wirewatch.alerts.rules;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A directed pair of actors, {@code SOURCE->TARGET}, as a rule matches it; {@code *} on either side matches any
 * actor.
 */
public record Dyad(String source, String target) {

    public static final String ANY = "*";

    public Dyad {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (source.isBlank() || target.isBlank()) {
            throw new IllegalArgumentException("a dyad needs a source and a target, e.g. RUS->USA");
        }
    }

    /**
     * Parses {@code RUS->USA} (also {@code RUS→USA}).
     *
     * @throws IllegalArgumentException when the text is not SOURCE->TARGET
     */
    public static Dyad parse(String text) {
        String normal = text.strip().replace("→", "->");
        int arrow = normal.indexOf("->");
        if (arrow < 0 || normal.indexOf("->", arrow + 2) >= 0) {
            throw new IllegalArgumentException("not a dyad: '" + text + "' (expected SOURCE->TARGET, e.g. RUS->USA)");
        }
        return new Dyad(normal.substring(0, arrow).strip().toUpperCase(Locale.ROOT),
                normal.substring(arrow + 2).strip().toUpperCase(Locale.ROOT));
    }

    /** Whether a signal from {@code from} toward {@code to} falls in this dyad. */
    public boolean matches(@Nullable String from, @Nullable String to) {
        return side(source, from) && side(target, to);
    }

    private static boolean side(String pattern, @Nullable String actor) {
        return ANY.equals(pattern) || actor != null && pattern.equalsIgnoreCase(actor);
    }

    @Override
    public String toString() {
        return source + "->" + target;
    }
}
