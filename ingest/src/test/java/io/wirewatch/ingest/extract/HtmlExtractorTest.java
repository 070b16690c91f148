package io.wirewatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HtmlExtractorTest {

    private final HtmlExtractor extractor =
            new HtmlExtractor(Clock.fixed(Instant.parse("2022-02-10T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void shouldSurviveHostilePages() {
        StringBuilder deep = new StringBuilder("<html><body>");
        deep.append("<div><span>".repeat(100_000));
        deep.append("<p>Deep text here, with a sentence long enough to count as prose for the extractor.</p>");
        assertThat(extractor.extract(deep.toString(), null).paragraphs()).singleElement().asString()
                .startsWith("Deep text here");

        byte[] noise = new byte[50_000];
        new Random(7).nextBytes(noise);
        Article garbage = extractor.extract(new String(noise, java.nio.charset.StandardCharsets.ISO_8859_1), null);
        assertThat(garbage.confidence()).isBetween(0f, 1f);

        Article empty = extractor.extract("", "https://news.example/");
        assertThat(empty.paragraphs()).isEmpty();
        assertThat(empty.confidence()).isZero();
    }

    @Test
    void shouldKeepCaptionsApartAndDropTheTeaserListAfterTheStory() {
        String page = "<html><body><article><div class='story'>"
                + "<p>KYIV, Ukraine (AP) — Ukraine said on Monday that talks with Russia would go on, despite the"
                + " shelling of several towns in the east overnight, officials said.</p>"
                + "<figure><img src=a.jpg><figcaption>Soldiers near the front line. (AP Photo/Staff)</figcaption></figure>"
                + "<p>The foreign minister said Kyiv would not accept any ultimatum and would never make concessions"
                + " on its territory, whatever the pressure from Moscow.</p>"
                + "<p>Moscow said it would take retaliatory measures if the West sent more weapons to the region.</p>"
                + "</div></article><div class='more'>"
                + "<div><a href=/1>Markets fall as oil climbs</a><p>Stocks slid on Monday as crude oil rose to a"
                + " seven-year high on supply worries, traders said.</p><span>Monday</span></div>"
                + "<div><a href=/2>Storm closes schools</a><p>Schools across the region closed on Monday as a storm"
                + " brought heavy snow and high winds to the coast.</p><span>Monday</span></div>"
                + "</div></body></html>";
        Article article = extractor.extract(page, null);
        assertThat(article.paragraphs()).hasSize(3);
        assertThat(article.body()).contains("retaliatory measures").doesNotContain("Stocks slid", "Soldiers");
        assertThat(article.captions()).containsExactly("Soldiers near the front line. (AP Photo/Staff)");
        assertThat(article.dateline()).isEqualTo("KYIV, Ukraine");
        assertThat(article.wire()).isEqualTo("AP");
    }

    @Test
    void shouldTitleTheStoryWithItsHeadlineNotTheSitesName() {
        String page = "<html><head><title>AP News</title><meta property=og:site_name content='AP News'>"
                + "<meta property=og:title content='AP News'></head><body><header><h1>AP News</h1></header>"
                + "<article><h1>Talks go on despite shelling, Ukraine says</h1>"
                + "<p>KYIV, Ukraine (AP) — Ukraine said on Monday that talks with Russia would go on, despite the"
                + " shelling of several towns in the east overnight, officials said.</p></article></body></html>";
        assertThat(extractor.extract(page, null).title()).isEqualTo("Talks go on despite shelling, Ukraine says");
    }

    @Test
    void shouldFallBackToDensityScoringWhenCleaningTookTheStoryWithTheBoilerplate() {
        // a theme that sets each paragraph in a box classed "teaser", a class that cleaning removes as boilerplate
        // (without the second, density-only scoring the story comes out empty)
        String sentence = "The harbour committee met on Tuesday evening and agreed, after a long debate about costs,"
                + " that the old quay would be repaired before the summer season begins. ";
        String page = "<html><body><nav><a href=/>Home</a> <a href=/about>About</a></nav>"
                + "<h1>Quay to be repaired</h1>"
                + ("<div class=teaser><p>" + sentence + sentence + "</p></div>").repeat(3)
                + "<div class=links><a href=/1>Older posts</a> <a href=/2>Newer posts</a></div></body></html>";
        Article article = extractor.extract(page, null);
        assertThat(article.paragraphs()).hasSize(3).allSatisfy(p -> assertThat(p).startsWith("The harbour"));
    }
}
