package io.wirewatch.alerts.topology;

import io.wirewatch.schema.DyadWindow;
import java.time.Instant;
import java.util.Locale;

/**
 * Keys of {@link AlertsTopology#DYAD_WINDOWS_STORE}: {@code SOURCE->TARGET|SIZE|start}, the start as 16 hex digits
 * that sort as the instants do (sign bit flipped), so one pair's windows of one size lie in a key range ordered by
 * start. Actor ids hold no {@code |}, so a pair's prefix is never another pair's.
 */
public final class DyadWindowKeys {

    private DyadWindowKeys() {
    }

    /** The key of {@code window}. */
    public static String of(DyadWindow window) {
        return of(window.getSource(), window.getTarget(), window.getWindow(), window.getWindowStart());
    }

    /** The key of the window of {@code source->target} of {@code size} (HOUR or DAY) that starts at {@code start}. */
    public static String of(String source, String target, String size, Instant start) {
        return source + "->" + target + "|" + size.toUpperCase(Locale.ROOT) + "|"
                + String.format(Locale.ROOT, "%016x", start.toEpochMilli() ^ Long.MIN_VALUE);
    }
}
