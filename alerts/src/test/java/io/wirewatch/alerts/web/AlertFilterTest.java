package io.wirewatch.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.alerts.rules.DefaultRules;
import io.wirewatch.alerts.rules.RuleEngine;
import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.schema.Alert;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertFilterTest {

    private final Alert seed = RuleEngine.evaluate(DefaultRules.ruleSet(), Stories.seed(), Instant.EPOCH).get(0);

    @Test
    void shouldFilterBySeverityFloorAndActor() {
        assertThat(AlertFilter.parse("medium", null).test(seed)).isTrue();
        assertThat(AlertFilter.parse("HIGH", null).test(seed)).isFalse();
        assertThat(AlertFilter.parse(null, "rus").test(seed)).isTrue();
        assertThat(AlertFilter.parse("", "WST").test(seed)).isTrue();
        assertThat(AlertFilter.parse(null, "CHN").test(seed)).isFalse();
        assertThat(AlertFilter.parse(" ", " ").test(seed)).isTrue();
    }

    @Test
    void shouldRefuseAnUnknownSeverity() {
        assertThatThrownBy(() -> AlertFilter.parse("urgent", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minSeverity must be one of INFO, LOW, MEDIUM, HIGH, CRITICAL; was 'urgent'");
    }
}
