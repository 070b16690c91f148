package io.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryIdentityTest {

    @Test
    void shouldGiveOneIdToUrlsThatDifferOnlyInTrackingAndCase() {
        String a = StoryIdentity.id("https://News.example/world/story-1/?utm_source=rss&id=7#comments", "t", "b");
        String b = StoryIdentity.id("https://news.example:443/world/story-1?id=7", "other title", "other body");
        assertThat(a).isEqualTo(b).hasSize(32);
    }

    @Test
    void shouldHashContentIgnoringTypographyAndSpacing() {
        assertThat(StoryIdentity.contentHash("Moscow will take “retaliatory   measures” — Lavrov"))
                .isEqualTo(StoryIdentity.contentHash("moscow will take \"retaliatory measures\" - lavrov"))
                .isNotEqualTo(StoryIdentity.contentHash("Moscow will not take retaliatory measures"));
    }

    @Test
    void shouldTellStoriesWithoutUrlApartByContent() {
        assertThat(StoryIdentity.id(null, "Title", "One body"))
                .isNotEqualTo(StoryIdentity.id(null, "Title", "Another body"))
                .isEqualTo(StoryIdentity.id(" ", "Title", "One  body"));
    }
}
