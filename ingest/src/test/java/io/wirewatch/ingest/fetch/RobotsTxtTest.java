package io.wirewatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RobotsTxtTest {

    private static RobotsTxt robots(String text, String agent) {
        return RobotsTxt.parse(text.getBytes(StandardCharsets.UTF_8), agent);
    }

    @Test
    void shouldFollowTheStarGroupWhenNoGroupNamesUs() {
        RobotsTxt r = robots("User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /private\n"
                + "Allow: /private/press\n", "wirewatch/0.1 (+https://example.org)");
        assertThat(r.allows("/news/story")).isTrue();
        assertThat(r.allows("/private/notes")).isFalse();
        assertThat(r.allows("/private/press/release")).isTrue();
    }

    @Test
    void shouldPreferTheGroupThatNamesUs() {
        RobotsTxt r = robots("User-agent: *\nDisallow: /\n\nUser-agent: wirewatch\nDisallow: /archive\n",
                "wirewatch/0.1");
        assertThat(r.allows("/news")).isTrue();
        assertThat(r.allows("/archive/2020")).isFalse();
    }

    @Test
    void shouldHonourWildcardsAndEndAnchors() {
        RobotsTxt r = robots("User-agent: *\nDisallow: /*.pdf$\nDisallow: /search*q=\n", "wirewatch/0.1");
        assertThat(r.allows("/files/report.pdf")).isFalse();
        assertThat(r.allows("/files/report.pdf.html")).isTrue();
        assertThat(r.allows("/search?page=2&q=nato")).isFalse();
        assertThat(r.allows("/")).isTrue();
    }

    @Test
    void shouldAllowEverythingWhenEmpty() {
        assertThat(robots("# nothing here\n", "wirewatch/0.1").allows("/anything")).isTrue();
        assertThat(RobotsTxt.ALLOW_ALL.allows("/x")).isTrue();
    }

    @Test
    void shouldMatchManyWildcardsAgainstALongPathInLinearTime() {
        RobotsTxt r = robots("User-agent: *\nDisallow: /**********x\nDisallow: /a*b*c*d*e*f*g*h*i*j*k$\n",
                "wirewatch/0.1");
        String path = "/" + "a".repeat(5000);

        boolean allowed = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(2), () -> r.allows(path));

        assertThat(allowed).isTrue();
        assertThat(r.allows(path + "x")).isFalse();
        assertThat(r.allows("/abcdefghijk")).isFalse();
        assertThat(r.allows("/abcdefghijkl")).isTrue();
    }

    @Test
    void shouldKeepWildcardAndAnchorSemantics() {
        RobotsTxt r = robots("User-agent: *\nDisallow: /*.pdf$\nDisallow: /tmp*/x\nAllow: /tmp/ok*\n", "wirewatch");
        assertThat(r.allows("/a/b.pdf")).isFalse();
        assertThat(r.allows("/a/b.pdf?x=1")).isTrue();
        assertThat(r.allows("/tmp123/x/y")).isFalse();
        assertThat(r.allows("/tmp/ok/x")).isTrue();
        assertThat(r.allows("/other")).isTrue();
    }
}
