package io.wirewatch.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.app.backtest.Backtest;
import io.wirewatch.schema.Story;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fault bench's comparison must see every story lost, doubled or changed, or the bench proves nothing. */
class VerdictTest {

    private static Story story(String id, String text) {
        return Story.newBuilder().setId(id).setSource("test").setTitle("t").setFetchedAt(Instant.EPOCH)
                .setPublishedAt(Instant.parse("2026-01-01T00:00:00Z")).setParagraphs(List.of(text))
                .setContentHash("hash-" + id).setClusterId(id).build();
    }

    private static final Oracle ORACLE = new Oracle(List.of(story("a", "one"), story("b", "two"), story("c", "three")),
            new Backtest.Result(3, List.of(), List.of(), List.of(), List.of(), List.of()));

    @Test
    void shouldBeExactWhenEverythingCameOutOnce() {
        Verdict verdict = Verdict.of(ORACLE, ORACLE.stories(), List.of("a", "b", "c"), List.of(), List.of(), 0);

        assertThat(verdict.exact()).isTrue();
        assertThat(verdict.line(5)).isEqualTo("stories 3/3 (0 lost, 0 duplicated, 0 differing) enriched 3 (0 lost,"
                + " 0 duplicated) alerts 0/0 (0 lost, 0 duplicated, 0 differing) changes 0/0 (0 lost, 0 duplicated,"
                + " 0 differing) dead letters 0/0 kills 5");
    }

    @Test
    void shouldCountLostDuplicatedAndDifferingStories() {
        List<Story> raw = List.of(story("a", "one"), story("a", "one"), story("b", "two, changed"));
        Verdict verdict = Verdict.of(ORACLE, raw, List.of("a", "b", "b"), List.of(), List.of(), 0);

        assertThat(verdict.exact()).isFalse();
        assertThat(verdict.ingested()).isEqualTo(new Verdict.Tally(3, 1, 1, 1, 1));
        assertThat(verdict.enriched()).isEqualTo(new Verdict.Tally(3, 2, 1, 1, 0));
        assertThat(verdict.examples()).anySatisfy(e -> assertThat(e).contains("story c lost"))
                .anySatisfy(e -> assertThat(e).contains("story a written 2 times"))
                .anySatisfy(e -> assertThat(e).contains("story b differs"));
    }

    @Test
    void shouldCountAStoryNobodyExpectedAsDiffering() {
        List<Story> raw = List.of(story("a", "one"), story("b", "two"), story("c", "three"), story("d", "four"));
        Verdict verdict = Verdict.of(ORACLE, raw, List.of("a", "b", "c"), List.of(), List.of(), 0);

        assertThat(verdict.ingested().differing()).isEqualTo(1);
        assertThat(verdict.exact()).isFalse();
    }

    @Test
    void shouldNotBeExactWithAnUnexpectedDeadLetter() {
        assertThat(Verdict.of(ORACLE, ORACLE.stories(), List.of("a", "b", "c"), List.of(), List.of(), 1).exact())
                .isFalse();
    }
}
