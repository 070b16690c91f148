package io.wirewatch.alerts.topology;

import io.wirewatch.alerts.rules.AlertGate;
import io.wirewatch.alerts.rules.Rule;
import io.wirewatch.alerts.rules.RuleSet;
import io.wirewatch.schema.Alert;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes candidates through the {@link AlertGate} (each id once, enough independent sources, cooldowns) with its
 * state in this task's changelogged stores. Candidates arrive keyed by rule id, so every decision about one rule is
 * taken by one task with all of its state. Ids, cooldowns and source counts older than the retention are forgotten by a
 * wall-clock punctuator.
 */
final class DedupProcessor implements Processor<String, Alert, String, Alert> {

    private static final Logger LOG = LoggerFactory.getLogger(DedupProcessor.class);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    private final Supplier<RuleSet> rules;
    private final Duration retention;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, Long> seen;
    private KeyValueStore<String, Long> cooldowns;
    private KeyValueStore<String, String> sources;
    private final AlertGate.State state = new StoreState();

    DedupProcessor(Supplier<RuleSet> rules, Duration retention) {
        this.rules = rules;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.seen = context.getStateStore(AlertsTopology.DEDUP_STORE);
        this.cooldowns = context.getStateStore(AlertsTopology.COOLDOWN_STORE);
        this.sources = context.getStateStore(AlertsTopology.SOURCES_STORE);
        context.schedule(SWEEP_EVERY, PunctuationType.WALL_CLOCK_TIME, this::forgetOlderThanRetention);
    }

    @Override
    public void process(Record<String, Alert> record) {
        Alert alert = record.value();
        if (alert == null) {
            return;
        }
        Header header = record.headers().lastHeader(AlertsTopology.SOURCE_HEADER);
        String source = header == null || header.value() == null ? alert.getStoryId()
                : new String(header.value(), StandardCharsets.UTF_8);
        AlertGate.Decision decision = AlertGate.decide(alert, ruleOf(alert.getRuleId()), source, record.timestamp(),
                state);
        if (decision instanceof AlertGate.Decision.Suppress suppress) {
            LOG.debug("Alert {} (rule {}, story {}) suppressed: {}", alert.getId(), alert.getRuleId(),
                    alert.getStoryId(), suppress.reason());
            return;
        }
        context.forward(new Record<>(alert.getId(), alert, record.timestamp(), record.headers()));
    }

    private @Nullable Rule ruleOf(String ruleId) {
        for (Rule rule : rules.get().rules()) {
            if (rule.id().equals(ruleId)) {
                return rule;
            }
        }
        return null;
    }

    /** The gate's state in this task's stores. */
    private final class StoreState implements AlertGate.State {
        @Override
        public @Nullable Long raised(String alertId) {
            return seen.get(alertId);
        }

        @Override
        public void markRaised(String alertId, long raisedAt) {
            seen.put(alertId, raisedAt);
        }

        @Override
        public @Nullable Long lastFired(String cooldownKey) {
            return cooldowns.get(cooldownKey);
        }

        @Override
        public void fired(String cooldownKey, long eventTime) {
            cooldowns.put(cooldownKey, eventTime);
        }

        /** Stored as {@code <first seen, epoch ms>\t<sources>}, so the sweep can forget clusters that never fired. */
        @Override
        public @Nullable String sources(String alertId) {
            String stored = sources.get(alertId);
            return stored == null ? null : stored.substring(stored.indexOf('\t') + 1);
        }

        @Override
        public void sources(String alertId, @Nullable String value) {
            String stored = sources.get(alertId);
            if (value == null) {
                if (stored != null) {
                    sources.delete(alertId);
                }
            } else {
                String firstSeen = stored == null ? Long.toString(context.currentSystemTimeMs())
                        : stored.substring(0, Math.max(0, stored.indexOf('\t')));
                sources.put(alertId, firstSeen + '\t' + value);
            }
        }
    }

    private void forgetOlderThanRetention(long wallClockMillis) {
        long cutoff = wallClockMillis - retention.toMillis();
        int removed = forget(seen, cutoff) + forget(cooldowns, cutoff) + forgetSources(cutoff);
        if (removed > 0) {
            LOG.info("Forgot {} alert ids and cooldowns from before {}", removed,
                    java.time.Instant.ofEpochMilli(cutoff));
        }
    }

    private int forgetSources(long cutoff) {
        java.util.List<String> old = new java.util.ArrayList<>();
        try (KeyValueIterator<String, String> all = sources.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> entry = all.next();
                int tab = entry.value == null ? -1 : entry.value.indexOf('\t');
                if (tab > 0 && Long.parseLong(entry.value.substring(0, tab)) < cutoff) {
                    old.add(entry.key);
                }
            }
        }
        old.forEach(sources::delete);
        return old.size();
    }

    private static int forget(KeyValueStore<String, Long> store, long cutoff) {
        java.util.List<String> old = new java.util.ArrayList<>();
        try (KeyValueIterator<String, Long> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                if (entry.value != null && entry.value < cutoff) {
                    old.add(entry.key);
                }
            }
        }
        old.forEach(store::delete);
        return old.size();
    }
}
