package io.wirewatch.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.PloverCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertGateTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private final AlertGate.State state = new AlertGate.InMemory();

    private static Alert alert(Rule rule, String storyId, String clusterId) {
        return RuleEngine.evaluate(rule, Stories.seed(storyId, clusterId), Instant.EPOCH);
    }

    @Test
    void shouldFireEachIdOnce() {
        Rule rule = Rule.of("r", "1", "");
        Alert alert = alert(rule, "s", null);

        assertThat(AlertGate.decide(alert, rule, "AP", 0, state)).isInstanceOf(AlertGate.Decision.Fire.class);
        assertThat(AlertGate.decide(alert, rule, "AP", HOUR, state))
                .isEqualTo(new AlertGate.Decision.Suppress("already raised"));
    }

    @Test
    void shouldWaitForDistinctSources() {
        Rule rule = Rule.of("r", "1", "").withMinSources(3);
        Alert copy = alert(rule, "a", "c1");

        assertThat(AlertGate.decide(copy, rule, "AP", 0, state))
                .isEqualTo(new AlertGate.Decision.Suppress("waiting for sources: 1 of 3"));
        assertThat(AlertGate.decide(copy, rule, "AP", 1, state))
                .isEqualTo(new AlertGate.Decision.Suppress("waiting for sources: 1 of 3"));
        assertThat(AlertGate.decide(copy, rule, "REUTERS", 2, state))
                .isEqualTo(new AlertGate.Decision.Suppress("waiting for sources: 2 of 3"));
        assertThat(AlertGate.decide(copy, rule, "AFP", 3, state)).isInstanceOf(AlertGate.Decision.Fire.class);
        assertThat(state.sources(copy.getId())).as("forgotten once raised").isNull();
    }

    @Test
    void shouldCoolDownPerDyadAndClusterByEventTime() {
        Rule rule = Rule.of("r", "1", "").withCategories(Set.of(PloverCategory.THREATEN)).withCooldown(Duration.ofHours(6));

        assertThat(AlertGate.decide(alert(rule, "a", null), rule, "AP", 0, state))
                .isInstanceOf(AlertGate.Decision.Fire.class);
        assertThat(AlertGate.decide(alert(rule, "b", null), rule, "AP", 5 * HOUR, state))
                .isEqualTo(new AlertGate.Decision.Suppress("cooling down for dyad|RUS->WST"));
        assertThat(AlertGate.decide(alert(rule, "c", null), rule, "AP", 6 * HOUR, state))
                .isInstanceOf(AlertGate.Decision.Fire.class);
    }

    @Test
    void shouldOnlyDeduplicateWhenTheRuleIsNoLongerInForce() {
        Rule rule = Rule.of("r", "1", "").withMinSources(2).withCooldown(Duration.ofDays(1));

        assertThat(AlertGate.decide(alert(rule, "a", null), null, "AP", 0, state))
                .isInstanceOf(AlertGate.Decision.Fire.class);
        assertThat(AlertGate.decide(alert(rule, "b", null), null, "AP", 1, state))
                .isInstanceOf(AlertGate.Decision.Fire.class);
    }
}
