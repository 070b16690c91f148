package io.wirewatch.alerts.testing;

import io.wirewatch.alerts.web.DyadTimelines;
import io.wirewatch.schema.DyadWindow;
import io.wirewatch.schema.Modality;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * Dyad windows in memory, as the alerts topology's store would hold them, recording the queries it was asked; or
 * failing every query as a store that is not queryable does.
 */
public final class KeptDyadWindows implements DyadTimelines {

    /** One query: the pair, the window size and the span asked. */
    public record Asked(String source, String target, String size, Instant from, Instant to) {
    }

    private final List<DyadWindow> windows = new CopyOnWriteArrayList<>();
    private final List<Asked> asked = new CopyOnWriteArrayList<>();
    private volatile @Nullable String unreadable;

    public static KeptDyadWindows of(DyadWindow... windows) {
        KeptDyadWindows kept = new KeptDyadWindows();
        kept.windows.addAll(List.of(windows));
        return kept;
    }

    /** Two daily windows of RUS->WST around the seed, the second with markup in its evidence. */
    public static List<DyadWindow> twoDays() {
        return List.of(day("RUS", "WST", "2022-01-25", Map.of("CONSULT", 1), 1, 1.0, 0.0, null),
                day("RUS", "WST", "2022-01-26", Map.of("THREATEN", 2), 2, -4.4, 1.0,
                        Stories.signal("THREATEN", -4.4, Modality.CONDITIONAL, "RUS", "WST", "Sergei Lavrov",
                                "<img src=x onerror=\"window.__pwned='chart'\">retaliatory measures", "s")));
    }

    /** A closed daily window of {@code source->target} that starts on {@code day} (UTC). */
    public static DyadWindow day(String source, String target, String day, Map<String, Integer> categories,
                                 int signals, double mean, double conflictShare,
                                 io.wirewatch.schema.@Nullable Signal strongest) {
        Instant start = Instant.parse(day + "T00:00:00Z");
        return DyadWindow.newBuilder().setSource(source).setTarget(target).setWindow("DAY").setWindowStart(start)
                .setWindowEnd(start.plusSeconds(86_400)).setCategories(Map.copyOf(categories)).setSignals(signals)
                .setStories(1).setIntensitySum(mean * signals).setIntensityMean(mean).setConflictShare(conflictShare)
                .setStrongest(strongest).build();
    }

    /** From now on every query fails as a store that cannot be read does, with {@code reason}. */
    public void failWith(String reason) {
        unreadable = reason;
    }

    public List<Asked> asked() {
        return List.copyOf(asked);
    }

    @Override
    public List<DyadWindow> windows(String source, String target, String size, Instant from, Instant to) {
        asked.add(new Asked(source, target, size, from, to));
        if (unreadable != null) {
            throw new IllegalStateException(unreadable);
        }
        List<DyadWindow> found = new ArrayList<>();
        for (DyadWindow window : windows) {
            if (window.getSource().equals(source) && window.getTarget().equals(target)
                    && window.getWindow().equals(size) && !window.getWindowStart().isBefore(from)
                    && !window.getWindowStart().isAfter(to)) {
                found.add(window);
            }
        }
        found.sort(Comparator.comparing(DyadWindow::getWindowStart));
        return found;
    }
}
