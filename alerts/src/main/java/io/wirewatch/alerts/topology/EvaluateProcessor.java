package io.wirewatch.alerts.topology;

import io.wirewatch.alerts.rules.RuleEngine;
import io.wirewatch.alerts.rules.RuleSet;
import io.wirewatch.alerts.rules.Sources;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes an enriched story and judges it against the rules in force; each alert goes on keyed by its rule id,
 * and a record that cannot be decoded or judged goes on as a {@link Outcome.Dead} with {@link DeadLetter} headers.
 */
final class EvaluateProcessor implements Processor<byte[], byte[], String, Outcome> {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluateProcessor.class);

    private final AvroSerde<EnrichedStory> stories;
    private final Supplier<RuleSet> rules;
    private final Clock clock;
    private ProcessorContext<String, Outcome> context;

    EvaluateProcessor(AvroSerde<EnrichedStory> stories, Supplier<RuleSet> rules, Clock clock) {
        this.stories = stories;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        List<Alert> alerts;
        String source;
        try {
            EnrichedStory story = stories.decode(record.value());
            alerts = RuleEngine.evaluate(rules.get(), story, clock.instant());
            source = Sources.of(story.getStory());
        } catch (RuntimeException e) {
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

    private void deadLetter(Record<byte[], byte[]> record, RuntimeException error) {
        RecordMetadata where = context.recordMetadata().orElse(null);
        String topic = where == null ? Topics.STORIES_ENRICHED.name() : where.topic();
        int partition = where == null ? -1 : where.partition();
        long offset = where == null ? -1 : where.offset();
        LOG.warn("Sending record {}-{}@{} to {}: {}", topic, partition, offset, Topics.DLQ.name(), error.toString());
        DeadLetter letter = DeadLetter.of(AlertsTopology.STAGE, error, topic, partition, offset);
        context.forward(new Record<>(AlertsTopology.DEAD_LETTER_KEY,
                (Outcome) new Outcome.Dead(record.key(), record.value()), record.timestamp(),
                letter.addTo(new RecordHeaders(record.headers().toArray()))));
    }
}
