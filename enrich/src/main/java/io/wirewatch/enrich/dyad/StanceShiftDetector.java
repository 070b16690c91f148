package io.wirewatch.enrich.dyad;

import io.wirewatch.schema.DyadSignal;
import io.wirewatch.schema.StanceChange;
import io.wirewatch.schema.StanceChangeKind;
import io.wirewatch.schema.StanceLevel;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Emits a {@code SHIFT} when a dyad's newest story puts it on another stance level than the story before it
 * (e.g. from an offer of talks to a refusal, from a refusal to a threat). A story's own mix of signals is its
 * stance, not a change: only a move from one story to another counts, and copies of one syndicated story
 * (one cluster) are one story. Late signals, older than the newest seen, do not rewrite the dyad's present.
 */
final class StanceShiftDetector implements Processor<String, DyadSignal, String, StanceChange> {

    private ProcessorContext<String, StanceChange> context;
    private TimestampedKeyValueStore<String, DyadSignal> last;

    @Override
    public void init(ProcessorContext<String, StanceChange> context) {
        this.context = context;
        this.last = context.getStateStore(DyadTopology.LAST_STANCE_STORE);
    }

    @Override
    public void process(Record<String, DyadSignal> record) {
        String dyad = record.key();
        DyadSignal current = record.value();
        ValueAndTimestamp<DyadSignal> previous = last.get(dyad);
        if (previous != null && record.timestamp() < previous.timestamp()) {
            return;
        }
        if (previous != null && !sameStory(previous.value(), current)) {
            StanceLevel before = level(previous.value());
            StanceLevel now = level(current);
            if (before != now) {
                int arrow = dyad.indexOf("->");
                context.forward(record.withValue(StanceChange.newBuilder()
                        .setId(Ids.of(dyad, "SHIFT", current.getStoryId(), current.getSignal().getEvidence()))
                        .setSource(dyad.substring(0, arrow))
                        .setTarget(dyad.substring(arrow + 2))
                        .setKind(StanceChangeKind.SHIFT)
                        .setBefore(before)
                        .setAfter(now)
                        .setAt(Instant.ofEpochMilli(record.timestamp()))
                        .setStoryId(current.getStoryId())
                        .setEvidenceBefore(previous.value().getSignal())
                        .setEvidenceAfter(current.getSignal())
                        .build()));
            }
        }
        last.put(dyad, ValueAndTimestamp.make(current, record.timestamp()));
    }

    private static boolean sameStory(DyadSignal a, DyadSignal b) {
        return a.getStoryId().equals(b.getStoryId())
                || (a.getClusterId() != null && a.getClusterId().equals(b.getClusterId()));
    }

    private static StanceLevel level(DyadSignal signal) {
        return StanceLevels.of(signal.getSignal().getCategory(), signal.getSignal().getIntensity());
    }
}
