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
        assertThat(UrlDates.fromUrl("https://blog.example/2023/10/3-questions-for-tina/", TODAY)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2016-03-01T10:00:00+0900 | 2016-03-01T10:00:00+09:00",
        "Tue, 01 Mar 2016 10:00:00 +0900 | 2016-03-01T10:00:00+09:00",
        "1 March 2016 10:00 EET | 2016-03-01T10:00:00+02:00",
        "Updated 3:14 PM EDT, May 3, 2020 | 2020-05-03T15:14:00-04:00",
        "2016-03-01 23:30:00 +0900 | 2016-03-01T23:30:00+09:00"})
    void shouldKeepTheOffsetOrZoneThePageWrote(String text, String local) {
        assertThat(DateParser.find(text, LocalDate.of(2022, 1, 1))).hasValueSatisfying(p ->
                assertThat(p.local()).isEqualTo(local));
    }

    @Test
    void shouldReadDatesTypesetWithThinSpaces() {
        var doc = Jsoup.parse("<html><body><h1>Davis Cup squad named</h1><div class=att-publish-date>By DTB "
                + "4.&thinsp;2.&thinsp;2022.</div><p>The captain named his team for 4 and 5 March 2022.</p>"
                + "</body></html>");
        assertThat(PublishedDates.of(doc, null, TODAY).published().date().day()).isEqualTo(LocalDate.of(2022, 2, 4));
    }

    @Test
    void shouldReadTheDateInALayoutWrapperNamedForItsSidebar() {
        var doc = Jsoup.parse("<html><body class=one-sidebar><div class='mainwrap sidebar'><h1>Fall in love</h1>"
                + "<span class=field-published-at>le 07 Mai 2020</span><p>Text of 12 octobre 2020.</p></div>"
                + "</body></html>");
        assertThat(PublishedDates.of(doc, null, TODAY).published().date().day()).isEqualTo(LocalDate.of(2020, 5, 7));
    }

    @Test
    void shouldIgnoreTheMastheadsDateOfTodayAndItsLogoHeadline() {
        var doc = Jsoup.parse("<html><head><title>The future of work - Radio One</title>"
                + "<meta name=date content=2017-05-01T17:05:00+0200></head><body>"
                + "<header><h1>Radio One</h1><span class=site-date>Wednesday, 26.02.2020</span></header>"
                + "<article><div class=head><h1>The future of work</h1><span class=date>01.05.2017</span></div>"
                + "<p>Text.</p></article></body></html>");
        assertThat(Headline.of(doc).text()).isEqualTo("The future of work");
        assertThat(PublishedDates.of(doc, null, TODAY).published().date().day()).isEqualTo(LocalDate.of(2017, 5, 1));
    }

    @Test
    void shouldPreferTheDatePrintedBesideTheHeadlineToAMetaTagThatSaysOnlyDate() {
        var doc = Jsoup.parse("<html><head><meta name=date content=2020-04-29T11:52:23></head><body>"
                + "<div class=story><h1>Data leaked</h1><p>Stand: 28.04.2020 18:00 Uhr</p><p>Text.</p></div>"
                + "</body></html>");
        assertThat(PublishedDates.of(doc, null, TODAY).published().date().day())
                .isEqualTo(LocalDate.of(2020, 4, 28));
    }

    @Test
    void shouldTakeAMicroformatModificationDateBeforeTheFirstDateInTheText() {
        var doc = Jsoup.parse("<html><body><h1>Mozart</h1><span class=updated title=2013-04-04T18:52:11+00:00>"
                + "</span><p>On 10.12.2012 the letters were found.</p></body></html>");
        var dates = PublishedDates.of(doc, null, TODAY);
        assertThat(dates.published().date().day()).isEqualTo(LocalDate.of(2013, 4, 4));
        assertThat(dates.published().evidence()).isEqualTo("markup:modified (modified)");
    }

    @Test
    void shouldReadASlashedDateInTheOrderOfThePagesLocale() {
        String body = "<body><h1>Halls too full</h1><span class=time>02/10/2020</span><p>Text.</p></body></html>";
        assertThat(PublishedDates.of(Jsoup.parse("<html lang=en-GB>" + body), null, TODAY).published().date().day())
                .isEqualTo(LocalDate.of(2020, 10, 2));
        assertThat(PublishedDates.of(Jsoup.parse("<html lang=en-US>" + body), null, TODAY).published().date().day())
                .isEqualTo(LocalDate.of(2020, 2, 10));
        assertThat(PublishedDates.of(Jsoup.parse("<html lang=en>" + body), null, TODAY).published()).isNull();
    }

    @Test
    void shouldTakeTheUploadDayOfTheSharedPictureWhenNothingElseIsDated() {
        var doc = Jsoup.parse("<html><head><meta property=og:image content=https://site.example/files/2016/05/04/"
                + "cover.png></head><body><h1>Annual report</h1><p>Our year.</p></body></html>");
        var found = PublishedDates.of(doc, "https://site.example/report/", TODAY).published();
        assertThat(found.date().day()).isEqualTo(LocalDate.of(2016, 5, 4));
        assertThat(found.confidence()).isLessThan(0.5f);
    }
}
