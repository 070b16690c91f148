package io.wirewatch.alerts.topology;

import io.wirewatch.alerts.rules.EventRules;
import io.wirewatch.alerts.rules.RuleEngine;
import io.wirewatch.alerts.rules.RuleSet;
import io.wirewatch.alerts.rules.Sources;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.DyadWindow;
import io.wirewatch.schema.StanceChange;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes an input record (an enriched story, a stance change or a dyad window) and judges it against the rules in
 * force; each alert goes on keyed by its rule id, and a record that cannot be decoded or judged goes on as a
 * {@link Outcome.Dead} with {@link DeadLetter} headers.
 *
 * @param <T> the record's Avro type
 */
final class EvaluateProcessor<T extends SpecificRecord> implements Processor<byte[], byte[], String, Outcome> {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluateProcessor.class);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    /** How to judge one decoded record: its alerts under the rules, raised at the given instant. */
    interface Judge<T> {
        List<Alert> alerts(RuleSet rules, T value, Instant raisedAt);
    }

    private final AvroSerde<T> serde;
    private final String topic;
    private final Judge<T> judge;
    private final Function<T, String> source;
    private final Supplier<RuleSet> rules;
    private final Clock clock;
    private final @Nullable String keptIn;
    private final @Nullable Duration keepFor;
    private final Function<T, String> idOf;
    private ProcessorContext<String, Outcome> context;
    private @Nullable TimestampedKeyValueStore<String, byte[]> kept;

    /**
     * @param topic  the input topic, named in dead letters when the record's metadata is missing
     * @param source who published the record, for rules that count independent sources
     */
    EvaluateProcessor(AvroSerde<T> serde, String topic, Judge<T> judge, Function<T, String> source,
                      Supplier<RuleSet> rules, Clock clock) {
        this(serde, topic, judge, source, rules, clock, null, null, value -> "");
    }

    /**
     * @param keptIn  when set, each record that decodes is also kept (as it came) in this store under
     *                {@code idOf}, for {@code keepFor} after it arrived (a later record of the same id replaces it)
     */
    EvaluateProcessor(AvroSerde<T> serde, String topic, Judge<T> judge, Function<T, String> source,
                      Supplier<RuleSet> rules, Clock clock, @Nullable String keptIn, @Nullable Duration keepFor,
                      Function<T, String> idOf) {
        this.keptIn = keptIn;
        this.keepFor = keepFor;
        this.idOf = idOf;
        this.serde = serde;
        this.topic = topic;
        this.judge = judge;
        this.source = source;
        this.rules = rules;
        this.clock = clock;
    }

    /** Judges enriched stories. */
    @SuppressWarnings("unchecked") // the catalogue declares the value serde of each topic
    static EvaluateProcessor<EnrichedStory> stories(Supplier<RuleSet> rules, Clock clock, Duration keepFor) {
        return new EvaluateProcessor<>((AvroSerde<EnrichedStory>) Topics.STORIES_ENRICHED.valueSerde(),
                Topics.STORIES_ENRICHED.name(), RuleEngine::evaluate, story -> Sources.of(story.getStory()), rules,
                clock, AlertsTopology.STORIES_STORE, keepFor, story -> story.getStory().getId());
    }

    /** Judges stance changes. */
    @SuppressWarnings("unchecked") // the catalogue declares the value serde of each topic
    static EvaluateProcessor<StanceChange> stanceChanges(Supplier<RuleSet> rules, Clock clock) {
        return new EvaluateProcessor<>((AvroSerde<StanceChange>) Topics.STANCE_CHANGES.valueSerde(),
                Topics.STANCE_CHANGES.name(), EventRules::evaluate, change -> "enrich", rules, clock);
    }

    /**
     * Judges closed dyad windows, and keeps each in {@link AlertsTopology#DYAD_WINDOWS_STORE} for the dashboard's
     * timelines (a replay's windows too: the store is keyed by pair, size and start, not windowed by stream time).
     */
    @SuppressWarnings("unchecked") // the catalogue declares the value serde of each topic
    static EvaluateProcessor<DyadWindow> dyadWindows(Supplier<RuleSet> rules, Clock clock, Duration keepFor) {
        return new EvaluateProcessor<>((AvroSerde<DyadWindow>) Topics.DYADS_ESCALATION.valueSerde(),
                Topics.DYADS_ESCALATION.name(), EventRules::evaluate, window -> "enrich", rules, clock,
                AlertsTopology.DYAD_WINDOWS_STORE, keepFor, DyadWindowKeys::of);
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
        if (keptIn != null && keepFor != null) {
            this.kept = context.getStateStore(keptIn);
            context.schedule(SWEEP_EVERY, PunctuationType.WALL_CLOCK_TIME, this::forgetOldRecords);
        }
    }

    /** Deletes the records kept longer than the retention (by the wall-clock time they arrived). */
    private void forgetOldRecords(long wallClockMillis) {
        long cutoff = wallClockMillis - keepFor.toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> all = kept.all()) {
            while (all.hasNext()) {
                KeyValue<String, ValueAndTimestamp<byte[]>> entry = all.next();
                if (entry.value != null && entry.value.timestamp() < cutoff) {
                    old.add(entry.key);
                }
            }
        }
        old.forEach(kept::delete);
        if (!old.isEmpty()) {
            LOG.info("Forgot {} records of {} kept since before {}", old.size(), keptIn, Instant.ofEpochMilli(cutoff));
        }
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        List<Alert> alerts;
        String source;
        try {
            T value = serde.decode(record.value());
            alerts = judge.alerts(rules.get(), value, clock.instant());
            source = this.source.apply(value);
            if (kept != null) {
                kept.put(idOf.apply(value), ValueAndTimestamp.make(record.value(), context.currentSystemTimeMs()));
            }
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // An OutOfMemoryError or StackOverflowError here came from this one record (a huge allocation or a deep
            // recursion that has unwound): rethrown, the stream thread would be replaced onto the same record, again
            // and again. It goes to the dead letters like any other failure.
            deadLetter(record, e);
            return;
        }
        for (Alert alert : alerts) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(AlertsTopology.SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8));
            context.forward(new Record<>(alert.getRuleId(), (Outcome) new Outcome.Candidate(alert),
                    record.timestamp(), headers));
        }
    }

    private void deadLetter(Record<byte[], byte[]> record, Throwable error) {
        RecordMetadata where = context.recordMetadata().orElse(null);
        String topic = where == null ? this.topic : where.topic();
        int partition = where == null ? -1 : where.partition();
        long offset = where == null ? -1 : where.offset();
        LOG.warn("Sending record {}-{}@{} to {}: {}", topic, partition, offset, Topics.DLQ.name(), error.toString());
        DeadLetter letter = DeadLetter.of(AlertsTopology.STAGE, error, topic, partition, offset);
        context.forward(new Record<>(AlertsTopology.DEAD_LETTER_KEY,
                (Outcome) new Outcome.Dead(record.key(), record.value()), record.timestamp(),
                letter.addTo(new RecordHeaders(record.headers().toArray()))));
    }
}
