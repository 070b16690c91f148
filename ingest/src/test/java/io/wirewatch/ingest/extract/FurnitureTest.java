package io.wirewatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FurnitureTest {

    @ParameterizedTest
    @ValueSource(strings = {"Related Articles", "Back to top button", "Share this article", "Advertisement",
        "« Back to World | Back to top", "By Kari Nordmann and Jonas Berg", "Published: 03.02.2022 14:05",
        "Sign up for our newsletter", "Tags: NATO, Russia", "READ MORE:", "© 2022 Example News"})
    void shouldRecogniseFurniture(String line) {
        assertThat(Furniture.isFurniture(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Russia said it would share intelligence with its allies.",
        "By the end of the week, talks had collapsed.", "Related talks are planned for next month in Geneva.",
        "Reporting by Kari Nordmann; Editing by Alex Smith"})
    void shouldKeepStorySentences(String line) {
        assertThat(Furniture.isFurniture(line)).isFalse();
    }
}
