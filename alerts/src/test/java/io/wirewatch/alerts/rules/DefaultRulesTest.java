package io.wirewatch.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the shipped rules do with the kinds of story the bundled samples hold: one alert or none. */
class DefaultRulesTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static List<Alert> alerts(EnrichedStory story) {
        return RuleEngine.evaluate(DefaultRules.ruleSet(), story, NOW);
    }

    @Test
    void shouldRaiseExactlyOneAlertForAnEscalatingStory() {
        assertThat(alerts(Stories.seedAsTagged())).hasSize(1).first().satisfies(alert -> {
            assertThat(alert.getRuleId()).isEqualTo("escalation");
            assertThat(alert.getSeverity()).as("score 142.66 passes every band").isEqualTo(Severity.CRITICAL);
        });
        assertThat(alerts(Stories.conditionalThreat())).hasSize(1).first().satisfies(alert ->
                assertThat(alert.getSeverity()).as("score 11.2 and a threat heading it").isEqualTo(Severity.MEDIUM));
        assertThat(alerts(Stories.seed())).hasSize(1);
    }

    @Test
    void shouldStayQuietOnTalksDeEscalationDenialAndBusiness() {
        assertThat(alerts(Stories.talksOffer())).as("one call on another country is no escalation").isEmpty();
        assertThat(alerts(Stories.deEscalation())).isEmpty();
        assertThat(alerts(Stories.denial())).as("negated and denied").isEmpty();
        assertThat(alerts(Stories.drills())).as("drills aimed at no one, however high the score").isEmpty();
        assertThat(alerts(Stories.business())).isEmpty();
    }

    @Test
    void shouldFireOnTwoAttributedRejectionsOrDemandsWithoutAThreat() {
        String s = "Moscow rejected the proposal and demanded that NATO withdraw.";
        EnrichedStory story = Stories.enriched(Stories.story("rd-1", "Moscow rejects and demands", null, s),
                List.of(), List.of(
                        Stories.signal("REJECT", -4.0, io.wirewatch.schema.Modality.ASSERTED, "RUS", "NATO", null,
                                "rejected", s),
                        Stories.signal("DEMAND", -5.0, io.wirewatch.schema.Modality.ASSERTED, "RUS", "NATO", null,
                                "demanded", s)),
                9.0);

        assertThat(alerts(story)).hasSize(1).first().satisfies(alert ->
                assertThat(alert.getSeverity()).isEqualTo(Severity.LOW));
    }
}
