package io.wirewatch.alerts.backtest;

import io.wirewatch.alerts.rules.AlertGate;
import io.wirewatch.alerts.rules.Rule;
import io.wirewatch.alerts.rules.RuleEngine;
import io.wirewatch.alerts.rules.RuleSet;
import io.wirewatch.alerts.rules.Sources;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Story;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Runs rules over enriched stories in isolation from the live pipeline, with the live semantics: the same rule
 * engine and the same {@link AlertGate} (each id once, independent sources, cooldowns), in event-time order. Each
 * alert's {@code raisedAt} is its story's event time (publication, else fetch time), so the same stories and rules
 * always give the same alerts.
 */
public final class Backtest {

    /**
     * What a backtest found.
     *
     * @param alerts in event-time order
     * @param from   the earliest story's event time, null when there were no stories
     * @param to     the latest story's event time
     */
    public record Result(RuleSet rules, int stories, List<Alert> alerts, @Nullable Instant from,
                         @Nullable Instant to) {
        public Result {
            Objects.requireNonNull(rules, "rules");
            alerts = List.copyOf(alerts);
        }
    }

    private static final Comparator<EnrichedStory> EVENT_ORDER = Comparator
            .comparing(Backtest::eventTime).thenComparing(s -> s.getStory().getId());

    private Backtest() {
    }

    /** Judges {@code stories} (in any order: they are sorted by event time, then id) under {@code rules}. */
    public static Result run(RuleSet rules, Iterable<EnrichedStory> stories) {
        List<EnrichedStory> ordered = new ArrayList<>();
        stories.forEach(ordered::add);
        ordered.sort(EVENT_ORDER);
        Map<String, Rule> byId = new HashMap<>();
        rules.rules().forEach(rule -> byId.put(rule.id(), rule));
        AlertGate.State state = new AlertGate.InMemory();
        List<Alert> alerts = new ArrayList<>();
        for (EnrichedStory story : ordered) {
            Instant when = eventTime(story);
            String source = Sources.of(story.getStory());
            for (Alert alert : RuleEngine.evaluate(rules, story, when)) {
                AlertGate.Decision decision = AlertGate.decide(alert, byId.get(alert.getRuleId()), source,
                        when.toEpochMilli(), state);
                if (decision instanceof AlertGate.Decision.Fire) {
                    alerts.add(alert);
                }
            }
        }
        return new Result(rules, ordered.size(), alerts, ordered.isEmpty() ? null : eventTime(ordered.get(0)),
                ordered.isEmpty() ? null : eventTime(ordered.get(ordered.size() - 1)));
    }

    /** When a story happened: its publication time, else when it was fetched. */
    static Instant eventTime(EnrichedStory story) {
        Story raw = story.getStory();
        return raw.getPublishedAt() != null ? raw.getPublishedAt() : raw.getFetchedAt();
    }
}
