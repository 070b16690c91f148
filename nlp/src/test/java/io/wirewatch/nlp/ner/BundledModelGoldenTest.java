package io.wirewatch.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Pins what the bundled model finds in the seed story ({@code seed-story.tokens.txt}: one paragraph a line, tokens
 * split by spaces) against {@code seed-story.expected.txt}, so that a retrained model's changes show up as a diff.
 * After a deliberate retraining, regenerate the expected file with {@code -Dner.golden.update=true} and review it.
 */
class BundledModelGoldenTest {

    private static final Path EXPECTED = Path.of("src/test/resources/io/wirewatch/nlp/ner/seed-story.expected.txt");

    @Test
    void shouldFindTheSameNamesInTheSeedStoryAsTheReviewedOutput() throws IOException {
        StringBuilder actual = new StringBuilder();
        for (String line : resource("seed-story.tokens.txt").split("\n")) {
            List<String> tokens = Arrays.asList(line.split(" "));
            StringBuilder names = new StringBuilder();
            for (NameSpan span : PerceptronNameFinder.bundled().find(tokens)) {
                names.append(names.length() == 0 ? "" : " | ")
                        .append(String.join(" ", tokens.subList(span.start(), span.end())))
                        .append('/').append(span.type());
            }
            actual.append(names).append('\n');
        }
        if (Boolean.getBoolean("ner.golden.update")) {
            Files.writeString(EXPECTED, actual, StandardCharsets.UTF_8);
        }

        assertThat(actual.toString()).isEqualTo(resource("seed-story.expected.txt"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BundledModelGoldenTest.class.getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
