package io.wirewatch.alerts.topology;

import io.wirewatch.alerts.rules.Rule;
import io.wirewatch.alerts.rules.RuleSet;
import io.wirewatch.schema.Alert;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.TreeSet;
import org.apache.kafka.common.header.Header;
import java.util.function.Supplier;
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
 * Lets each alert id through once; for a rule that needs several independent sources, only once that many
 * sources (wires) have carried the story cluster; and holds a rule quiet for its cooldown per cluster and dyad.
 * Candidates arrive keyed by rule id, so every decision about one rule is taken by one task with all of its state.
 * Both stores are changelogged; ids older than the retention are forgotten by a wall-clock punctuator.
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
        if (seen.get(alert.getId()) != null) {
            LOG.debug("Alert {} (rule {}, story {}) already raised", alert.getId(), alert.getRuleId(),
                    alert.getStoryId());
            return;
        }
        Rule rule = ruleOf(alert.getRuleId());
        if (rule != null && rule.minSources() > 1 && !enoughSources(alert, record, rule.minSources())) {
            return;
        }
        Duration cooldown = rule == null ? Duration.ZERO : rule.cooldown();
        long now = record.timestamp();
        if (!cooldown.isZero()) {
            for (String key : cooldownKeys(alert)) {
                Long last = cooldowns.get(key);
                if (last != null && now - last < cooldown.toMillis() && now >= last) {
                    LOG.debug("Alert {} suppressed: rule {} cooling down for {}", alert.getId(),
                            alert.getRuleId(), key);
                    return;
                }
            }
            for (String key : cooldownKeys(alert)) {
                cooldowns.put(key, now);
            }
        }
        seen.put(alert.getId(), alert.getRaisedAt().toEpochMilli());
        sources.delete(alert.getId());
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

    /**
     * Adds this candidate's source to those seen for its alert id (one id per rule version and story cluster) and
     * says whether there are now enough independent ones.
     */
    private boolean enoughSources(Alert alert, Record<String, Alert> record, int needed) {
        Header header = record.headers().lastHeader(AlertsTopology.SOURCE_HEADER);
        String source = header == null || header.value() == null ? alert.getStoryId()
                : new String(header.value(), StandardCharsets.UTF_8);
        String known = sources.get(alert.getId());
        TreeSet<String> seenSources = new TreeSet<>();
        if (known != null && !known.isEmpty()) {
            seenSources.addAll(Arrays.asList(known.split("\n")));
        }
        seenSources.add(source.replace('\n', ' '));
        if (seenSources.size() >= needed) {
            return true;
        }
        sources.put(alert.getId(), String.join("\n", seenSources));
        LOG.debug("Alert {} waits for sources: {} of {} ({})", alert.getId(), seenSources.size(), needed, seenSources);
        return false;
    }

    private static java.util.List<String> cooldownKeys(Alert alert) {
        java.util.List<String> keys = new java.util.ArrayList<>(2);
        if (alert.getClusterId() != null) {
            keys.add(alert.getRuleId() + "|cluster|" + alert.getClusterId());
        }
        if (alert.getDyad() != null) {
            keys.add(alert.getRuleId() + "|dyad|" + alert.getDyad());
        }
        return keys;
    }

    private void forgetOlderThanRetention(long wallClockMillis) {
        long cutoff = wallClockMillis - retention.toMillis();
        int removed = forget(seen, cutoff) + forget(cooldowns, cutoff);
        if (removed > 0) {
            LOG.info("Forgot {} alert ids and cooldowns from before {}", removed,
                    java.time.Instant.ofEpochMilli(cutoff));
        }
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
