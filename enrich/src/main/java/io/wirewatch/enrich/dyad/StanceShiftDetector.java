package io.wirewatch.enrich.dyad;

import io.wirewatch.schema.DyadWindow;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.Signal;
import io.wirewatch.schema.StanceChange;
import io.wirewatch.schema.StanceChangeKind;
import io.wirewatch.schema.StanceLevel;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * Emits a {@code SHIFT} when a dyad's stance, judged over a whole day, moves to another level than the one it
 * holds (e.g. from cooperation to threat). A day's stance is the level most of its counted signals have (near
 * duplicates once, negated and denied ones not at all), read from the closed daily window; with hysteresis: the
 * dyad leaves its level only on a day where another level holds at least {@link #SWITCH_SHARE} of the signals. A
 * day of mixed stories (force in one, cooperation in the next) holds the level, so the stance no longer flips from
 * one story to the next. Late windows, older than the one that set the level, do not rewrite the present.
 */
final class StanceShiftDetector implements Processor<String, DyadWindow, String, StanceChange> {

    /** The share of a day's signals a new level needs before the dyad leaves the level it holds. */
    static final double SWITCH_SHARE = 0.6;

    private ProcessorContext<String, StanceChange> context;
    private KeyValueStore<String, DyadWindow> held;

    @Override
    public void init(ProcessorContext<String, StanceChange> context) {
        this.context = context;
        this.held = context.getStateStore(DyadTopology.LAST_STANCE_STORE);
    }

    @Override
    public void process(Record<String, DyadWindow> record) {
        String dyad = record.key();
        DyadWindow today = record.value();
        Dominant now = dominant(today);
        if (now == null) {
            return;
        }
        DyadWindow before = held.get(dyad);
        if (before != null && !before.getWindowStart().isBefore(today.getWindowStart())) {
            return;
        }
        if (before == null) {
            if (now.share() >= SWITCH_SHARE) {
                held.put(dyad, today);
            }
            return;
        }
        Dominant was = dominant(before);
        if (was == null || now.level() == was.level() || now.share() < SWITCH_SHARE) {
            return;
        }
        context.forward(record.withValue(StanceChange.newBuilder()
                .setId(Ids.of(dyad, "SHIFT", today.getWindowStart().toString(), now.level().name()))
                .setSource(today.getSource())
                .setTarget(today.getTarget())
                .setKind(StanceChangeKind.SHIFT)
                .setBefore(was.level())
                .setAfter(now.level())
                .setAt(today.getWindowEnd())
                .setStoryId(null)
                .setEvidenceBefore(evidence(before, was.level()))
                .setEvidenceAfter(evidence(today, now.level()))
                .build()));
        held.put(dyad, today);
    }

    /** A level and the share of the day's signals that have it. */
    record Dominant(StanceLevel level, double share) {
    }

    /**
     * The level most of the window's signals have, and its share; a tie goes to the harder level. Null when the
     * window counted no signal.
     */
    static @Nullable Dominant dominant(DyadWindow window) {
        Map<StanceLevel, Integer> counts = new EnumMap<>(StanceLevel.class);
        int total = 0;
        for (Map.Entry<String, Integer> entry : window.getCategories().entrySet()) {
            PloverCategory category;
            try {
                category = PloverCategory.valueOf(entry.getKey());
            } catch (IllegalArgumentException e) {
                category = PloverCategory.UNKNOWN;
            }
            counts.merge(StanceLevels.of(category, window.getIntensityMean()), entry.getValue(), Integer::sum);
            total += entry.getValue();
        }
        if (total == 0) {
            return null;
        }
        StanceLevel best = null;
        for (Map.Entry<StanceLevel, Integer> entry : counts.entrySet()) {
            if (best == null || entry.getValue() >= counts.get(best)) {
                best = entry.getKey(); // EnumMap iterates cooperation first, so an equal count goes to the harder
            }
        }
        return new Dominant(best, counts.get(best) / (double) total);
    }

    /** The window's strongest signal when it has the level, else none (a window keeps only its strongest). */
    private static @Nullable Signal evidence(DyadWindow window, StanceLevel level) {
        Signal strongest = window.getStrongest();
        return strongest != null && StanceLevels.of(strongest.getCategory(), strongest.getIntensity()) == level
                ? strongest : null;
    }
}
