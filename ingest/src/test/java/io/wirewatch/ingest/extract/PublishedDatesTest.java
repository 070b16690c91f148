package io.wirewatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublishedDatesTest {

    private static final LocalDate TODAY = LocalDate.of(2022, 3, 1);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2022-01-26T23:14:05+00:00 | 2022-01-26",
        "2022-01-26T23:14:05-05:00 | 2022-01-26",
        "Wed, 26 Jan 2022 23:14:05 GMT | 2022-01-26",
        "January 26, 2022 | 2022-01-26",
        "26. Januar 2022 | 2022-01-26",
        "26 janvier 2022 | 2022-01-26",
        "Published: 03.02.2022 14:05 | 2022-02-03",
        "15 августа 2016, 13:43 | 2016-08-15",
        "17/02/2022 | 2022-02-17",
        "20220126 | 2022-01-26",
        "Von: Björn Jahner, 31.01.22 | 2022-01-31"})
    void shouldReadTheDayAsThePageWroteIt(String text, String day) {
        assertThat(DateParser.parse(text, TODAY)).hasValueSatisfying(p ->
                assertThat(p.day()).isEqualTo(LocalDate.parse(day)));
    }

    @Test
    void shouldRefuseAmbiguousAndFutureDates() {
        assertThat(DateParser.find("03/02/2022", TODAY)).isEmpty();
        assertThat(DateParser.find("2030-01-01", TODAY)).isEmpty();
        assertThat(DateParser.find("iOS 13.1.2 and version 1.2.10.5", TODAY)).isEmpty();
    }

    @Test
    void shouldPreferJsonLdOverTheFirstTimeElementAndKeepModifiedApart() {
        var doc = Jsoup.parse("<html><head><script type=application/ld+json>{\"@type\":\"NewsArticle\","
                + "\"datePublished\":\"2022-01-26T10:00:00Z\",\"dateModified\":\"2022-01-27T08:00:00Z\"}</script>"
                + "</head><body><aside><time datetime=2021-05-01>old</time></aside><p>Text</p></body></html>");
        var dates = PublishedDates.of(doc, null, TODAY);
        assertThat(dates.published().date().instant()).isEqualTo(Instant.parse("2022-01-26T10:00:00Z"));
        assertThat(dates.modified().date().day()).isEqualTo(LocalDate.of(2022, 1, 27));
    }

    @Test
    void shouldTakeTheDayFromTheUrlWhenThePageSaysNothing() {
        var doc = Jsoup.parse("<html><body><p>No date here.</p></body></html>");
        var dates = PublishedDates.of(doc, "https://news.example/2022/1/26/story/", TODAY);
        assertThat(dates.published().date().day()).isEqualTo(LocalDate.of(2022, 1, 26));
        assertThat(PublishedDates.fromUrl("https://blog.example/2023/10/3-questions-for-tina/", TODAY)).isNull();
    }
}
