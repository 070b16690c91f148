package io.wirewatch.alerts.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A YAML document as a tree that remembers the line of every node, so a rules file error can name its line.
 * Built with Jackson's streaming YAML parser.
 */
sealed interface YamlTree {

    /** 1-based line of the node's first token. */
    int line();

    /** A scalar; {@code text} is null for YAML null. */
    record Scalar(@Nullable String text, int line) implements YamlTree {
    }

    record Sequence(List<YamlTree> items, int line) implements YamlTree {
        public Sequence {
            items = Collections.unmodifiableList(items);
        }
    }

    record Mapping(Map<String, YamlTree> entries, int line) implements YamlTree {
        public Mapping {
            entries = Collections.unmodifiableMap(entries);
        }
    }

    /**
     * Parses one YAML document.
     *
     * @throws RulesFileException when the text is not well-formed YAML or repeats a key
     */
    static YamlTree parse(String text, String origin) {
        YAMLFactory factory = YAMLFactory.builder().build();
        try (JsonParser parser = factory.createParser(new StringReader(text))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new RulesFileException(origin, 1, "the file is empty");
            }
            return read(parser, origin);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RulesFileException(origin, line, "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RulesFileException(origin, 0, "cannot read: " + e.getMessage());
        }
    }

    private static YamlTree read(JsonParser parser, String origin) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, YamlTree> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    parser.nextToken();
                    if (entries.containsKey(key)) {
                        throw new RulesFileException(origin, keyLine, "key '" + key + "' appears twice");
                    }
                    entries.put(key, read(parser, origin));
                }
                return new Mapping(entries, line);
            }
            case START_ARRAY: {
                List<YamlTree> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, origin));
                }
                return new Sequence(items, line);
            }
            case VALUE_NULL:
                return new Scalar(null, line);
            default:
                if (token.isScalarValue()) {
                    return new Scalar(parser.getText(), line);
                }
                throw new RulesFileException(origin, line, "unexpected YAML token " + token);
        }
    }
}
