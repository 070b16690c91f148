package io.wirewatch.nlp;

import io.wirewatch.nlp.text.TextDocument;
import io.wirewatch.nlp.text.WireSentenceSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Test fixtures: stories on the classpath read as plain text (first line the title, blank lines between paragraphs). */
public final class Fixtures {

    public static final Instant SEED_DATE = Instant.parse("2022-01-26T18:00:00Z");

    private Fixtures() {
    }

    public static String resource(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed story as the enrichment sees it. */
    public static TextDocument seed() {
        return story("seed/ap-no-concessions-2022-01-26.txt", SEED_DATE);
    }

    public static TextDocument story(String path, @Nullable Instant asOf) {
        return text(resource(path), asOf);
    }

    /** A document from plain text: the first non-blank line is the title, each further non-blank line a paragraph. */
    public static TextDocument text(String plain, @Nullable Instant asOf) {
        String title = "";
        List<String> paragraphs = new ArrayList<>();
        for (String line : plain.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            if (title.isEmpty() && paragraphs.isEmpty()) {
                title = line.strip();
            } else {
                paragraphs.add(line.strip());
            }
        }
        return TextDocument.of(title, paragraphs, asOf, WireSentenceSplitter.standard());
    }

    /** A document of the given paragraphs. */
    public static TextDocument paragraphs(@Nullable Instant asOf, String... paragraphs) {
        return TextDocument.of("", List.of(paragraphs), asOf, WireSentenceSplitter.standard());
    }
}
