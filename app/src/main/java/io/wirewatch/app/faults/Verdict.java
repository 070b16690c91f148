package io.wirewatch.app.faults;

import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.StanceChange;
import io.wirewatch.schema.Story;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The comparison of what the live pipeline wrote (read with {@code read_committed}) with the oracle: for stories
 * ingested, stories enriched, stance changes and alerts, how many of the expected came out, how many are missing,
 * came out more than once, or came out different (or were never expected).
 */
record Verdict(Tally ingested, Tally enriched, Tally changes, Tally alerts, int deadLetters,
               int expectedDeadLetters, List<String> examples) {

    /** How one kind of output compares with the oracle, by id. */
    record Tally(int expected, int matched, int lost, int duplicated, int differing) {
        boolean exact() {
            return lost == 0 && duplicated == 0 && differing == 0 && matched == expected;
        }
    }

    Verdict {
        examples = List.copyOf(examples);
    }

    boolean exact() {
        return ingested.exact() && enriched.exact() && changes.exact() && alerts.exact()
                && deadLetters == expectedDeadLetters;
    }

    /** One line, e.g. {@code stories 500 enriched 500 (0 lost, 0 duplicated) alerts 81/81 (...) changes 14/14}. */
    String line(int kills) {
        return String.format(Locale.ROOT, "stories %d/%d (%d lost, %d duplicated, %d differing) enriched %d"
                        + " (%d lost, %d duplicated) alerts %d/%d (%d lost, %d duplicated, %d differing) changes %d/%d"
                        + " (%d lost, %d duplicated, %d differing) dead letters %d/%d kills %d",
                ingested.matched(), ingested.expected(), ingested.lost(), ingested.duplicated(), ingested.differing(),
                enriched.matched(), enriched.lost(), enriched.duplicated(),
                alerts.matched(), alerts.expected(), alerts.lost(), alerts.duplicated(), alerts.differing(),
                changes.matched(), changes.expected(), changes.lost(), changes.duplicated(), changes.differing(),
                deadLetters, expectedDeadLetters, kills);
    }

    /**
     * Compares the topics' contents with the oracle.
     *
     * @param raw      the stories on news.stories.raw
     * @param enriched the keys (story ids) on news.stories.enriched
     */
    static Verdict of(Oracle oracle, List<Story> raw, List<String> enriched, List<StanceChange> changes,
                      List<Alert> alerts, int deadLetters) {
        List<String> examples = new ArrayList<>();
        Tally ingested = compare("story", ids(oracle.stories(), Story::getId), grouped(raw, Story::getId),
                Verdict::storyContent, examples);
        Map<String, Story> expectedEnriched = new LinkedHashMap<>(ids(oracle.stories(), Story::getId));
        oracle.result().deadLetters().forEach(expectedEnriched::remove);
        Map<String, List<String>> actualEnriched = new LinkedHashMap<>();
        enriched.forEach(id -> actualEnriched.computeIfAbsent(id, k -> new ArrayList<>()).add(id));
        Tally enrichedTally = compare("enriched story", single(expectedEnriched, Story::getId), actualEnriched,
                Function.identity(), examples);
        Tally changeTally = compare("stance change", ids(oracle.result().stanceChanges(), StanceChange::getId),
                grouped(changes, StanceChange::getId), change -> AvroJson.toTree(change).toString(), examples);
        Tally alertTally = compare("alert", ids(oracle.result().alerts(), Alert::getId), grouped(alerts, Alert::getId),
                Verdict::alertContent, examples);
        return new Verdict(ingested, enrichedTally, changeTally, alertTally, deadLetters,
                oracle.result().deadLetters().size(), examples);
    }

    /** An alert without {@code raisedAt}: the live service stamps the wall clock, the oracle a fixed instant. */
    static String alertContent(Alert alert) {
        return AvroJson.toTree(Alert.newBuilder(alert).setRaisedAt(Instant.EPOCH).build()).toString();
    }

    /** What ingest must carry over from the file: not {@code fetchedAt}, which is when it read the file. */
    static String storyContent(Story story) {
        return String.join("\u0001", story.getId(), Objects.toString(story.getClusterId()), story.getTitle(),
                String.join("\u0002", story.getParagraphs()), Objects.toString(story.getPublishedAt()),
                story.getContentHash());
    }

    private static <T> Tally compare(String what, Map<String, T> expected, Map<String, List<T>> actual,
                                     Function<T, String> content, List<String> examples) {
        int matched = 0;
        int lost = 0;
        int duplicated = 0;
        int differing = 0;
        for (Map.Entry<String, T> entry : expected.entrySet()) {
            List<T> got = actual.getOrDefault(entry.getKey(), List.of());
            if (got.isEmpty()) {
                lost++;
                example(examples, what + " " + entry.getKey() + " lost");
                continue;
            }
            duplicated += got.size() - 1;
            if (got.size() > 1) {
                example(examples, what + " " + entry.getKey() + " written " + got.size() + " times");
            }
            String want = content.apply(entry.getValue());
            if (got.stream().map(content).allMatch(want::equals)) {
                matched++;
            } else {
                differing++;
                example(examples, what + " " + entry.getKey() + " differs: expected " + want + " got "
                        + content.apply(got.get(0)));
            }
        }
        for (Map.Entry<String, List<T>> entry : actual.entrySet()) {
            if (!expected.containsKey(entry.getKey())) {
                differing += entry.getValue().size();
                example(examples, what + " " + entry.getKey() + " not expected: " + content.apply(entry.getValue()
                        .get(0)));
            }
        }
        return new Tally(expected.size(), matched, lost, duplicated, differing);
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < 20) {
            examples.add(text);
        }
    }

    private static <T> Map<String, T> ids(List<T> values, Function<T, String> id) {
        Map<String, T> byId = new LinkedHashMap<>();
        for (T value : values) {
            if (byId.putIfAbsent(id.apply(value), value) != null) {
                throw new IllegalStateException("the oracle has two records with id " + id.apply(value));
            }
        }
        return byId;
    }

    private static <T> Map<String, String> single(Map<String, T> values, Function<T, String> id) {
        Map<String, String> ids = new LinkedHashMap<>();
        values.values().forEach(v -> ids.put(id.apply(v), id.apply(v)));
        return ids;
    }

    private static <T> Map<String, List<T>> grouped(List<T> values, Function<T, String> id) {
        Map<String, List<T>> byId = new HashMap<>();
        values.forEach(v -> byId.computeIfAbsent(id.apply(v), k -> new ArrayList<>()).add(v));
        return byId;
    }
}
