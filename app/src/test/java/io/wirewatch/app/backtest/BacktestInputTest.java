package io.wirewatch.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.DateSource;
import io.wirewatch.schema.Story;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Backtest and replay (which select stories through the same {@link BacktestInput}) read a story's
 * {@link DateSource} as ingest wrote it: a story marked READ has no date of its own, whatever its source.
 */
class BacktestInputTest {

    private static final Instant FROM = Instant.parse("2022-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant READ_AT = Instant.parse("2026-12-03T12:00:00Z");

    private static Story story(String id, String source, @Nullable Instant publishedAt,
                               @Nullable DateSource dateSource) {
        return Story.newBuilder().setId(id).setSource(source).setTitle("Kremlin warns " + id)
                .setPublishedAt(publishedAt).setFetchedAt(READ_AT).setParagraphs(List.of("Moscow will respond."))
                .setContentHash("h-" + id).setDateSource(dateSource).build();
    }

    @Test
    void shouldSkipAStoryMarkedReadTimeEvenWhenItCameFromTheWeb() {
        BacktestInput input = new BacktestInput(FROM, TO, null);

        input.offer("https://wire.example/feed", story("web", "https://wire.example/feed", null, DateSource.READ));
        input.offer("file:a.txt", story("txt", "file:a.txt", null, DateSource.READ));

        assertThat(input.stories()).isEmpty();
        assertThat(input.skippedCount(BacktestInput.UNDATED)).isEqualTo(2);
    }

    @Test
    void shouldTakeStoriesDatedByThePageTheFeedOrTheFile() {
        BacktestInput input = new BacktestInput(FROM, TO, null);
        Instant day = Instant.parse("2022-01-26T00:00:00Z");

        input.offer("p", story("p", "https://wire.example/p", day, DateSource.PUBLISHED));
        input.offer("f", story("f", "https://wire.example/feed", day, DateSource.FEED));
        input.offer("t", story("t", "file:2022-01-26-t.txt", day, DateSource.FILE));

        assertThat(input.stories()).extracting(Story::getId).containsExactly("p", "f", "t");
        assertThat(input.skipped()).isEmpty();
    }

    @Test
    void shouldDateAStoryMarkedReadTimeWithTheDateOptionAndMarkItSo() {
        Instant day = Instant.parse("2022-02-01T00:00:00Z");
        BacktestInput input = new BacktestInput(FROM, TO, day);

        input.offer("web", story("web", "https://wire.example/feed", null, DateSource.READ));

        assertThat(input.stories()).singleElement().satisfies(s -> {
            assertThat(s.getPublishedAt()).isEqualTo(day);
            assertThat(s.getDateSource()).isEqualTo(DateSource.FILE);
            assertThat(Backtest.eventTime(s)).isEqualTo(day);
        });
    }

    @Test
    void shouldTreatAnUndatedStoryWrittenBeforeTheMarkAsUndated() {
        BacktestInput input = new BacktestInput(FROM, TO, null);

        input.offer("old", story("old", "file:old.txt", null, null));
        input.offer("old-dated", story("old-dated", "file:old.txt", Instant.parse("2022-01-26T00:00:00Z"), null));

        assertThat(input.stories()).extracting(Story::getId).containsExactly("old-dated");
        assertThat(input.skippedCount(BacktestInput.UNDATED)).isEqualTo(1);
    }
}
