package io.wirewatch.alerts.rules;

import io.wirewatch.schema.Alert;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Whether a candidate alert goes out: each alert id once; for a rule needing several independent sources, only once
 * that many sources have carried the story cluster; and not while its rule cools down for the same cluster or dyad.
 * The topology keeps the state in changelogged stores; {@link InMemory} keeps it in memory (tests, offline tools).
 */
public final class AlertGate {

    /** Where the gate keeps what it has seen. */
    public interface State {
        /** When the alert id was raised (epoch ms), or null. */
        @Nullable Long raised(String alertId);

        void markRaised(String alertId, long raisedAt);

        /** Event time a rule last fired for a cooldown key, or null. */
        @Nullable Long lastFired(String cooldownKey);

        void fired(String cooldownKey, long eventTime);

        /** The sources seen so far for an alert id, one per line, or null. */
        @Nullable String sources(String alertId);

        /** Sets the sources seen, or forgets them when null. */
        void sources(String alertId, @Nullable String sources);
    }

    /** The gate's answer. */
    public sealed interface Decision {
        record Fire() implements Decision {
        }

        record Suppress(String reason) implements Decision {
            public Suppress {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    private static final Decision FIRE = new Decision.Fire();

    private AlertGate() {
    }

    /**
     * Decides on {@code alert}, raised by {@code rule} (null when the rule is no longer in force: then only
     * de-duplication applies) from a story published by {@code source} at {@code eventTime}, and records the
     * outcome in {@code state}.
     */
    public static Decision decide(Alert alert, @Nullable Rule rule, String source, long eventTime, State state) {
        if (state.raised(alert.getId()) != null) {
            return new Decision.Suppress("already raised");
        }
        if (rule != null && rule.minSources() > 1) {
            String known = state.sources(alert.getId());
            TreeSet<String> seen = new TreeSet<>();
            if (known != null && !known.isEmpty()) {
                seen.addAll(Arrays.asList(known.split("\n")));
            }
            seen.add(source.replace('\n', ' '));
            if (seen.size() < rule.minSources()) {
                state.sources(alert.getId(), String.join("\n", seen));
                return new Decision.Suppress("waiting for sources: " + seen.size() + " of " + rule.minSources());
            }
        }
        if (rule != null && !rule.cooldown().isZero()) {
            List<String> keys = cooldownKeys(alert);
            for (String key : keys) {
                Long last = state.lastFired(key);
                if (last != null && eventTime >= last && eventTime - last < rule.cooldown().toMillis()) {
                    return new Decision.Suppress("cooling down for " + key.substring(key.indexOf('|') + 1));
                }
            }
            keys.forEach(key -> state.fired(key, eventTime));
        }
        state.markRaised(alert.getId(), alert.getRaisedAt().toEpochMilli());
        state.sources(alert.getId(), null);
        return FIRE;
    }

    static List<String> cooldownKeys(Alert alert) {
        List<String> keys = new ArrayList<>(2);
        if (alert.getClusterId() != null) {
            keys.add(alert.getRuleId() + "|cluster|" + alert.getClusterId());
        }
        if (alert.getDyad() != null) {
            keys.add(alert.getRuleId() + "|dyad|" + alert.getDyad());
        }
        return keys;
    }

    /** State in memory, for tests and offline tools. Not thread-safe. */
    public static final class InMemory implements State {
        private final Map<String, Long> raised = new HashMap<>();
        private final Map<String, Long> fired = new HashMap<>();
        private final Map<String, String> sources = new HashMap<>();

        @Override
        public @Nullable Long raised(String alertId) {
            return raised.get(alertId);
        }

        @Override
        public void markRaised(String alertId, long raisedAt) {
            raised.put(alertId, raisedAt);
        }

        @Override
        public @Nullable Long lastFired(String cooldownKey) {
            return fired.get(cooldownKey);
        }

        @Override
        public void fired(String cooldownKey, long eventTime) {
            fired.put(cooldownKey, eventTime);
        }

        @Override
        public @Nullable String sources(String alertId) {
            return sources.get(alertId);
        }

        @Override
        public void sources(String alertId, @Nullable String value) {
            if (value == null) {
                sources.remove(alertId);
            } else {
                sources.put(alertId, value);
            }
        }
    }
}
