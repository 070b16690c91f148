package io.wirewatch.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.alerts.rules.DefaultRules;
import io.wirewatch.alerts.rules.RuleEngine;
import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.schema.Alert;
import java.time.Instant;
import java.util.List;
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

    private static final ActorDirectory DIRECTORY = ActorDirectory.of(List.of(
            new ActorDirectory.Actor("RUS", "Russia"), new ActorDirectory.Actor("RUS", "Sergei Lavrov"),
            new ActorDirectory.Actor("WST", "the West"), new ActorDirectory.Actor("CHN", "China"),
            new ActorDirectory.Actor("USA", "United States")));

    @Test
    void shouldAcceptNamesAsWellAsCodesInAnyCase() {
        assertThat(AlertFilter.parse(null, "Russia", null, null, DIRECTORY).actors()).containsExactly("RUS");
        assertThat(AlertFilter.parse(null, "lavrov", null, null, DIRECTORY).actors()).containsExactly("RUS");
        assertThat(AlertFilter.parse(null, "sergei LAVROV", null, null, DIRECTORY).test(seed)).isTrue();
        assertThat(AlertFilter.parse(null, "china", null, null, DIRECTORY).test(seed)).isFalse();
        assertThat(AlertFilter.parse(null, "wst", null, null, DIRECTORY).test(seed)).isTrue();
    }

    @Test
    void shouldRefuseAnUnknownNameWithTheClosestNames() {
        assertThatThrownBy(() -> AlertFilter.parse(null, "Rusia", null, null, DIRECTORY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("actor: no actor named 'Rusia' (did you mean Russia (RUS)?)");
        assertThatThrownBy(() -> AlertFilter.parse(null, "Atlantis", null, null, DIRECTORY))
                .hasMessage("actor: no actor named 'Atlantis'");
    }

    @Test
    void shouldSuggestActorsByPrefixOfNameWordOrCode() {
        assertThat(DIRECTORY.suggest("la", 10)).extracting(ActorDirectory.Actor::name).containsExactly("Sergei Lavrov");
        assertThat(DIRECTORY.suggest("RU", 10)).extracting(ActorDirectory.Actor::name)
                .containsExactly("Russia", "Sergei Lavrov");
        assertThat(DIRECTORY.suggest(" ", 10)).isEmpty();
    }

    @Test
    void shouldFilterByTheStorysPublicationDayOrInstant() {
        // the seed story was published 2022-01-26T18:00Z
        assertThat(AlertFilter.parse(null, null, "2022-01-26", "2022-01-26", DIRECTORY).test(seed)).isTrue();
        assertThat(AlertFilter.parse(null, null, "2022-01-27", null, DIRECTORY).test(seed)).isFalse();
        assertThat(AlertFilter.parse(null, null, null, "2022-01-26T18:00:00Z", DIRECTORY).test(seed)).isFalse();
        assertThatThrownBy(() -> AlertFilter.parse(null, null, "yesterday", null, DIRECTORY))
                .hasMessageStartingWith("from must be a day (2022-02-24) or an instant");
    }
}
