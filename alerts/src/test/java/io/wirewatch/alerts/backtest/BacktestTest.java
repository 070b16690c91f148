package io.wirewatch.alerts.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.alerts.rules.DefaultRules;
import io.wirewatch.alerts.rules.Rule;
import io.wirewatch.alerts.rules.RuleSet;
import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Modality;
import io.wirewatch.schema.Story;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BacktestTest {

    static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)> Minister warns";

    /** A small archive: the seed and copies over three days, quiet stories, and a hostile title. */
    static List<EnrichedStory> archive() {
        List<EnrichedStory> stories = new ArrayList<>();
        stories.add(at(Stories.seed("day1-seed", "cluster-a"), 0));
        stories.add(at(Stories.seed("day1-copy", "cluster-a"), 1));
        stories.add(at(Stories.seed("day2-seed", "cluster-b"), 26));
        stories.add(at(Stories.seed("day3-seed", null), 50));
        stories.add(at(Stories.business(), 3));
        stories.add(at(Stories.deEscalation(), 4));
        stories.add(at(Stories.denial(), 5));
        String sentence = "The minister said " + "<b>forces will strike</b>" + " if provoked.";
        Story hostile = Stories.story("hostile", HOSTILE, null, sentence);
        stories.add(at(Stories.enriched(hostile, List.of(), List.of(Stories.signal("THREATEN", -7.0,
                Modality.CONDITIONAL, "IRN", "ISR", null, "<b>forces will strike</b>", sentence)), 12.0), 30));
        return stories;
    }

    static EnrichedStory at(EnrichedStory story, int hoursAfterSeed) {
        return EnrichedStory.newBuilder(story).setStory(Story.newBuilder(story.getStory())
                .setPublishedAt(Stories.PUBLISHED.plus(Duration.ofHours(hoursAfterSeed))).build()).build();
    }

    @Test
    void shouldRaiseAlertsInEventTimeOrderWithLiveSemantics() {
        List<EnrichedStory> shuffled = new ArrayList<>(archive());
        Collections.shuffle(shuffled, new Random(7));

        Backtest.Result result = Backtest.run(DefaultRules.ruleSet(), shuffled);

        assertThat(result.stories()).isEqualTo(8);
        assertThat(result.alerts()).extracting(a -> a.getStoryId() + " " + a.getRuleId()).containsExactly(
                "day1-seed conflict-language", "day2-seed conflict-language", "hostile conflict-language",
                "hostile escalation-score", "day3-seed conflict-language");
        assertThat(result.alerts()).extracting(Alert::getRaisedAt).isSorted();
        assertThat(result.from()).isEqualTo(Stories.PUBLISHED);
        assertThat(result.to()).isEqualTo(Stories.PUBLISHED.plus(Duration.ofHours(50)));
    }

    @Test
    void shouldApplyCooldownsByEventTime() {
        RuleSet rules = RuleSet.of("test", Rule.of("threats", "1", "Threats").withCategories(Set.of("THREATEN"))
                .withCooldown(Duration.ofHours(30)));

        Backtest.Result result = Backtest.run(rules, archive());

        assertThat(result.alerts()).extracting(Alert::getStoryId)
                .as("RUS->WST quiet for 30 h after day 1; hostile is another dyad").containsExactly(
                        "day1-seed", "hostile", "day3-seed");
    }

    @Test
    void shouldWriteTheSameReportForTheSameStoriesAndRules() {
        List<EnrichedStory> reversed = new ArrayList<>(archive());
        Collections.reverse(reversed);
        String first = BacktestReport.html(Backtest.run(DefaultRules.ruleSet(), archive()),
                Instant.parse("2026-01-01T00:00:00Z"));
        String second = BacktestReport.html(Backtest.run(DefaultRules.ruleSet(), reversed),
                Instant.parse("2026-06-30T12:34:56Z"));

        assertThat(first).isNotEqualTo(second);
        assertThat(first.replace("2026-01-01T00:00:00Z", "T")).isEqualTo(second.replace("2026-06-30T12:34:56Z", "T"));
    }

    @Test
    void shouldEscapeEveryPieceOfStoryData() {
        String html = BacktestReport.html(Backtest.run(DefaultRules.ruleSet(), archive()), Instant.EPOCH);

        assertThat(html).doesNotContain("<script", "<img", "<b>", "onerror=alert(2)>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; Minister warns")
                .contains("<mark>&lt;b&gt;forces will strike&lt;/b&gt;</mark>")
                .contains("<svg class=\"chart rule-counts\"", "<svg class=\"chart dyad-timeline\" data-dyad=\"RUS-&gt;WST\"");
    }
}
