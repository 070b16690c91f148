package io.wirewatch.enrich.dyad;

import io.wirewatch.schema.DyadWindow;
import io.wirewatch.schema.StanceChange;
import io.wirewatch.schema.StanceChangeKind;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Emits an {@code INDEX_DROP} when a dyad's daily index falls by more than the configured step from its last day. */
final class IndexDropDetector implements Processor<String, DyadWindow, String, StanceChange> {

    private final double step;
    private ProcessorContext<String, StanceChange> context;
    private KeyValueStore<String, DyadWindow> lastDay;

    IndexDropDetector(double step) {
        this.step = step;
    }

    @Override
    public void init(ProcessorContext<String, StanceChange> context) {
        this.context = context;
        this.lastDay = context.getStateStore(DyadTopology.LAST_DAY_STORE);
    }

    @Override
    public void process(Record<String, DyadWindow> record) {
        DyadWindow today = record.value();
        DyadWindow before = lastDay.get(record.key());
        if (before != null && before.getWindowStart().isAfter(today.getWindowStart())) {
            return;
        }
        if (before != null && before.getIntensityMean() - today.getIntensityMean() > step) {
            context.forward(record.withValue(StanceChange.newBuilder()
                    .setId(Ids.of(record.key(), "INDEX_DROP", today.getWindowStart().toString(), ""))
                    .setSource(today.getSource())
                    .setTarget(today.getTarget())
                    .setKind(StanceChangeKind.INDEX_DROP)
                    .setBeforeIndex(before.getIntensityMean())
                    .setAfterIndex(today.getIntensityMean())
                    .setAt(today.getWindowEnd())
                    .setEvidenceBefore(before.getStrongest())
                    .setEvidenceAfter(today.getStrongest())
                    .build()));
        }
        lastDay.put(record.key(), today);
    }
}
