package io.wirewatch.enrich.dyad;

import io.wirewatch.schema.DyadSignal;
import io.wirewatch.schema.DyadWindow;
import io.wirewatch.schema.Modality;
import io.wirewatch.schema.Signal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The pure arithmetic of dyad windows: adding a signal, and stamping the window's bounds. */
public final class DyadWindows {

    private DyadWindows() {
    }

    /** Dyad key of a signal: {@code SOURCE->TARGET}. */
    public static String key(String source, String target) {
        return source + "->" + target;
    }

    /** Whether a signal counts toward dyads: it needs both actors, two different ones, and must not be negated or denied. */
    public static boolean counts(Signal signal) {
        return signal.getSource() != null && signal.getTarget() != null
                && !signal.getSource().equals(signal.getTarget())
                && signal.getModality() != Modality.NEGATED && signal.getModality() != Modality.DENIED;
    }

    /** How much a signal's intensity counts: conditional and speculative claims half. */
    static double weight(Modality modality) {
        return switch (modality) {
            case CONDITIONAL, SPECULATIVE -> 0.5;
            case NEGATED, DENIED -> 0.0;
            default -> 1.0;
        };
    }

    public static DyadWindow empty() {
        return DyadWindow.newBuilder().setSource("").setTarget("").setWindow("")
                .setWindowStart(Instant.EPOCH).setWindowEnd(Instant.EPOCH).build();
    }

    /**
     * The window with {@code event} added. Copies were dropped upstream ({@link DyadDeduplicator}), so every
     * event counts; {@link DyadSignal#getFirstOfStory()} says whether it also adds a story.
     */
    public static DyadWindow add(String dyad, DyadSignal event, DyadWindow window) {
        Signal signal = event.getSignal();
        Map<String, Integer> categories = new HashMap<>(window.getCategories());
        categories.merge(signal.getCategory().name(), 1, Integer::sum);
        int signals = window.getSignals() + 1;
        double intensity = signal.getIntensity() * weight(signal.getModality());
        double sum = window.getIntensitySum() + intensity;
        long conflicts = Math.round(window.getConflictShare() * window.getSignals()) + (intensity < 0 ? 1 : 0);
        Signal strongest = window.getStrongest() == null
                || intensity < window.getStrongest().getIntensity() * weight(window.getStrongest().getModality())
                ? signal : window.getStrongest();
        int arrow = dyad.indexOf("->");
        return DyadWindow.newBuilder(window)
                .setSource(arrow < 0 ? dyad : dyad.substring(0, arrow))
                .setTarget(arrow < 0 ? "" : dyad.substring(arrow + 2))
                .setCategories(categories)
                .setSignals(signals)
                .setStories(window.getStories() + (event.getFirstOfStory() ? 1 : 0))
                .setIntensitySum(sum)
                .setIntensityMean(sum / signals)
                .setConflictShare((double) conflicts / signals)
                .setStrongest(strongest)
                .build();
    }

    /** What makes two signals copies of one claim: same story (cluster), category and words. */
    static String claimKey(String dyad, DyadSignal event) {
        Signal signal = event.getSignal();
        return storyKey(dyad, event) + "|" + signal.getCategory() + "|"
                + signal.getEvidence().toLowerCase(Locale.ROOT).replaceAll("\\W+", " ").strip();
    }

    /** The story (cluster, else story id) of an event, per dyad. */
    static String storyKey(String dyad, DyadSignal event) {
        return dyad + "|" + (event.getClusterId() != null ? event.getClusterId() : event.getStoryId());
    }

    /** The window stamped with its bounds and size name. */
    public static DyadWindow bounded(DyadWindow window, String size, Instant start, Instant end) {
        return DyadWindow.newBuilder(window).setWindow(size).setWindowStart(start).setWindowEnd(end).build();
    }
}
