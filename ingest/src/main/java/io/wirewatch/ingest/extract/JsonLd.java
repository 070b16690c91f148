package io.wirewatch.ingest.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The JSON-LD blocks of a page, tolerant of the small syntax errors pages ship (trailing commas, control chars). */
final class JsonLd {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, false)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA.mappedFeature())
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS.mappedFeature())
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS.mappedFeature())
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES.mappedFeature());

    private JsonLd() {
    }

    /** Every parseable {@code application/ld+json} script of {@code doc}. */
    static List<JsonNode> blocks(Document doc) {
        List<JsonNode> blocks = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            String json = script.data().strip();
            if (json.startsWith("<!--")) {
                json = json.substring(4).replaceAll("-->\\s*$", "");
            }
            try {
                blocks.add(MAPPER.readTree(json));
            } catch (JsonProcessingException | RuntimeException e) {
                // a broken block is skipped: the page's other evidence still counts
            }
        }
        return blocks;
    }

    /** Every JSON object in the blocks, flattening arrays and {@code @graph}, depth-first, nested ones too. */
    static List<JsonNode> objects(List<JsonNode> blocks) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode block : blocks) {
            collect(block, out, 0);
        }
        return out;
    }

    private static void collect(JsonNode node, List<JsonNode> out, int depth) {
        if (depth > 6 || node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> collect(child, out, depth + 1));
        } else if (node.isObject()) {
            out.add(node);
            node.properties().forEach(e -> {
                if (e.getValue().isContainerNode()) {
                    collect(e.getValue(), out, depth + 1);
                }
            });
        }
    }

    /** The {@code @type} names of {@code node}. */
    static List<String> types(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return List.of();
        }
        List<String> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        return types;
    }

    /** The text of {@code field} in the first article-like object that has it, or the first object at all. */
    static String text(List<JsonNode> objects, String field) {
        for (JsonNode node : objects) {
            JsonNode value = node.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return "";
    }

    /** The author names of the first object with an author. */
    static List<String> authors(List<JsonNode> objects) {
        for (JsonNode node : objects) {
            JsonNode author = node.get("author");
            if (author == null) {
                continue;
            }
            List<String> names = new ArrayList<>();
            if (author.isArray()) {
                author.forEach(a -> addName(a, names));
            } else {
                addName(author, names);
            }
            if (!names.isEmpty()) {
                return names;
            }
        }
        return List.of();
    }

    private static void addName(JsonNode author, List<String> names) {
        String name = author.isTextual() ? author.asText() : author.path("name").asText("");
        if (!name.isBlank()) {
            names.add(name.strip());
        }
    }
}
