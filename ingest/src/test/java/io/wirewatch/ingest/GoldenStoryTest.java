package io.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.schema.AvroJson;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests: every story file in {@code src/test/resources/golden} beside the JSON of the story it must give.
 * Run with {@code -Dgolden.update=true} to rewrite the expected files after a deliberate change, then review the
 * diff.
 */
class GoldenStoryTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2022-02-10T12:00:00Z"), ZoneOffset.UTC);

    static Stream<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(goldenFolder())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(StoryReader::supportsName)
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldExtractTheStoryOfEachGoldenFile(String name) throws Exception {
        Path input = goldenFolder().resolve(name);
        ReadResult result = StoryReader.read(input, CLOCK);
        assertThat(result).as("reading %s", name).isInstanceOf(ReadResult.Read.class);
        ObjectNode tree = AvroJson.toTree(((ReadResult.Read) result).story());
        tree.put("source", "file:golden/" + name);
        String actual = AvroJson.writePretty(tree) + "\n";

        String expectedName = name.replaceFirst("\\.[a-z]+(\\.gz)?$", "") + ".json";
        Path expected = goldenFolder().resolve(expectedName);
        if (Boolean.getBoolean("golden.update")) {
            Path source = Path.of("src/test/resources/golden").resolve(expectedName);
            Files.writeString(source, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(expected).as("expected output %s (run with -Dgolden.update=true to create it)", expectedName)
                .exists();
        assertThat(actual).as("story of %s", name).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    static Path goldenFolder() throws URISyntaxException {
        return Path.of(GoldenStoryTest.class.getResource("/golden").toURI());
    }
}
