package io.wirewatch.alerts.topology;

import static org.assertj.core.api.Assertions.fail;

import io.wirewatch.alerts.rules.DefaultRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins {@code topology.describe()}: node names, stores and internal topics are part of the deployed contract. */
class AlertsTopologyGoldenTest {

    private static final String GOLDEN = "/golden/alerts-topology.txt";

    @Test
    void shouldDescribeTheTopologyAsPinned() throws IOException {
        String actual = AlertsTopology.build(AlertsTopology.Config.of(DefaultRules::ruleSet, Clock.systemUTC()))
                .describe().toString();
        Path written = Path.of("target", "golden-actual", "alerts-topology.txt");
        Files.createDirectories(written.getParent());
        Files.writeString(written, actual);
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            if (in == null) {
                fail("missing golden file src/test/resources" + GOLDEN + "; the actual description is in " + written);
            }
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!expected.strip().equals(actual.strip())) {
                fail("topology differs from src/test/resources" + GOLDEN + " (actual in " + written + "):\n"
                        + diff(expected.strip().lines().toList(), actual.strip().lines().toList()));
            }
        }
    }

    /** A line diff: '-' expected only, '+' actual only. */
    static String diff(List<String> expected, List<String> actual) {
        int[][] lcs = new int[expected.size() + 1][actual.size() + 1];
        for (int i = expected.size() - 1; i >= 0; i--) {
            for (int j = actual.size() - 1; j >= 0; j--) {
                lcs[i][j] = expected.get(i).equals(actual.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        int j = 0;
        while (i < expected.size() || j < actual.size()) {
            if (i < expected.size() && j < actual.size() && expected.get(i).equals(actual.get(j))) {
                out.append("  ").append(expected.get(i)).append('\n');
                i++;
                j++;
            } else if (j < actual.size() && (i == expected.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.append("+ ").append(actual.get(j++)).append('\n');
            } else {
                out.append("- ").append(expected.get(i++)).append('\n');
            }
        }
        return out.toString();
    }
}
