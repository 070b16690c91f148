package io.wirewatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.schema.AvroJson;
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
 * Golden tests for feeds: every document in {@code src/test/resources/feeds} beside the JSON of what it must
 * give. {@code -Dgolden.update=true} rewrites the expected files.
 */
class FeedParserGoldenTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2022-02-10T12:00:00Z"), ZoneOffset.UTC);

    static Stream<String> cases() throws Exception {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".expected.json"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldParseEachGoldenFeed(String name) throws Exception {
        FeedResult result = new FeedParser(CLOCK).parse(Files.readAllBytes(folder().resolve(name)), null);
        String actual = AvroJson.writePretty(tree(result)) + "\n";
        String expectedName = name.replaceFirst("\\.[a-z]+$", "") + ".expected.json";
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources/feeds").resolve(expectedName), actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).as("feed %s", name)
                .isEqualTo(Files.readString(folder().resolve(expectedName), StandardCharsets.UTF_8));
    }

    private static ObjectNode tree(FeedResult result) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (result instanceof FeedResult.Malformed malformed) {
            o.put("malformed", malformed.reason().replaceAll(":.*", ""));
            return o;
        }
        FeedResult.Parsed parsed = (FeedResult.Parsed) result;
        o.put("format", parsed.feed().format());
        o.put("recovered", parsed.recovered());
        o.put("title", parsed.feed().title());
        o.put("link", parsed.feed().link());
        var items = o.putArray("items");
        for (FeedItem item : parsed.feed().items()) {
            ObjectNode i = items.addObject();
            i.put("title", item.title());
            i.put("link", item.link());
            i.put("guid", item.guid());
            i.put("published", item.published() == null ? null : item.published().toString());
            i.put("summary", item.summary());
        }
        return o;
    }

    private static Path folder() throws Exception {
        return Path.of(FeedParserGoldenTest.class.getResource("/feeds").toURI());
    }
}
