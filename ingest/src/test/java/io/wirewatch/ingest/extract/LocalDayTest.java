package io.wirewatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The publisher's own calendar day and clock survive extraction; the instant stays the instant. */
class LocalDayTest {

    private static final LocalDate TODAY = LocalDate.of(2022, 3, 1);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2020-05-03T23:30:00-04:00 | 2020-05-03T23:30:00-04:00 | 2020-05-04T03:30:00Z",
        "Updated 11:30 PM EDT, May 3, 2020 | 2020-05-03T23:30:00-04:00 | 2020-05-04T03:30:00Z",
        "May 3, 2020 11:30 p.m. ET | 2020-05-03T23:30:00-04:00 | 2020-05-04T03:30:00Z",
        "Dec 3, 2020 11:30 PM ET | 2020-12-03T23:30:00-05:00 | 2020-12-04T04:30:00Z",
        "Nov 8, 2021 / 10:35 PM PST | 2021-11-08T22:35:00-08:00 | 2021-11-09T06:35:00Z",
        "3. Mai 2020, 23:30 Uhr MESZ | 2020-05-03T23:30:00+02:00 | 2020-05-03T21:30:00Z",
        "21.01.2022 - 13:30 | 2022-01-21T13:30:00 | 2022-01-21T13:30:00Z",
        "January 26, 2022 | 2022-01-26 | 2022-01-26T00:00:00Z"})
    void shouldKeepTheClockAndOffsetThePageGave(String text, String local, String instant) {
        assertThat(DateParser.parse(text, TODAY)).hasValueSatisfying(p -> {
            assertThat(p.local()).isEqualTo(local);
            assertThat(p.instant()).isEqualTo(Instant.parse(instant));
        });
    }

    @Test
    void shouldKeepTheLocalDayOfALateEveningStoryWestOfUtcWhoseMetadataIsInUtc() {
        String page = "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
                + "\"headline\":\"Council votes late\",\"datePublished\":\"2020-05-04T03:30:00Z\"}</script></head>"
                + "<body><h1>Council votes late</h1><p class='byline'>Updated 11:30 PM EDT, May 3, 2020</p>"
                + "<p>The city council voted just before midnight to keep the library open, after a debate that"
                + " lasted more than five hours and drew a crowd of residents to the chamber.</p></body></html>";

        Article article = new HtmlExtractor(Clock.fixed(Instant.parse("2020-06-01T00:00:00Z"), ZoneOffset.UTC))
                .extract(page, "https://news.example/council");

        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2020-05-04T03:30:00Z"));
        assertThat(article.publishedLocal()).isEqualTo("2020-05-03T23:30:00-04:00");
        assertThat(article.dateConfidence()).isGreaterThan(0.8f);
        assertThat(ArticleJson.of(article, "council.html", null).get("publishedLocal").asText())
                .isEqualTo("2020-05-03T23:30:00-04:00");
    }

    @Test
    void shouldTakeTheOffsetFromATimeElementOfTheSameInstant() {
        String page = "<html><head><meta property='article:published_time' content='2021-11-09T06:35:29+00:00'>"
                + "</head><body><h1>Arrest made</h1><p>Posted: <time datetime='2021-11-08T22:35:29-08:00'>"
                + "Nov 8, 2021</time></p></body></html>";

        var found = PublishedDates.of(Jsoup.parse(page), null, TODAY).published();

        assertThat(found).isNotNull();
        assertThat(found.date().day()).isEqualTo(LocalDate.of(2021, 11, 8));
        assertThat(found.date().local()).isEqualTo("2021-11-08T22:35:29-08:00");
    }

    @Test
    void shouldLeaveAUtcTimeAloneWhenThePageShowsNoOtherClock() {
        String page = "<html><head><meta property='article:published_time' content='2021-11-09T06:35:29Z'>"
                + "</head><body><h1>Arrest made</h1><p>Police made an arrest on Monday.</p></body></html>";

        var found = PublishedDates.of(Jsoup.parse(page), null, TODAY).published();

        assertThat(found).isNotNull();
        assertThat(found.date().local()).isEqualTo("2021-11-09T06:35:29+00:00");
    }

    @Test
    void shouldReadACopyrightLineWithAFullDateOnlyAsTheLastResort() {
        String dated = "<html><body><h1>Notes</h1><p>Some notes.</p><footer>© 3 May 2020 Example Press</footer>"
                + "</body></html>";
        String yearOnly = "<html><body><h1>Notes</h1><p>Some notes.</p><footer>© 2020 Example Press</footer>"
                + "</body></html>";

        var found = PublishedDates.of(Jsoup.parse(dated), null, TODAY).published();

        assertThat(found).isNotNull();
        assertThat(found.evidence()).isEqualTo("copyright");
        assertThat(found.confidence()).isLessThan(0.2f);
        assertThat(found.date().day()).isEqualTo(LocalDate.of(2020, 5, 3));
        assertThat(PublishedDates.of(Jsoup.parse(yearOnly), null, TODAY).published()).isNull();
    }
}
