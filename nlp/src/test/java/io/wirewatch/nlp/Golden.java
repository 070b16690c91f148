package io.wirewatch.nlp;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Golden files: compares text with {@code src/test/resources/<path>} and, on a difference, fails with a line diff.
 * Run with {@code -Dgolden.update=true} to rewrite the expected file after a deliberate change.
 */
public final class Golden {

    private Golden() {
    }

    public static void assertMatches(String path, String actual) {
        Path file = Path.of("src/test/resources").resolve(path);
        if (Boolean.getBoolean("golden.update")) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        String expected = Fixtures.resource(path);
        if (!expected.equals(actual)) {
            fail("golden file " + path + " differs (run with -Dgolden.update=true to accept):\n"
                    + diff(expected.lines().toList(), actual.lines().toList()));
        }
    }

    /** A compact line diff: "-" expected only, "+" actual only, with the line numbers of the expected file. */
    static String diff(List<String> expected, List<String> actual) {
        int[][] lcs = new int[expected.size() + 1][actual.size() + 1];
        for (int i = expected.size() - 1; i >= 0; i--) {
            for (int j = actual.size() - 1; j >= 0; j--) {
                lcs[i][j] = expected.get(i).equals(actual.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < expected.size() || j < actual.size()) {
            if (i < expected.size() && j < actual.size() && expected.get(i).equals(actual.get(j))) {
                i++;
                j++;
            } else if (j < actual.size() && (i == expected.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.add(String.format("%5d + %s", i + 1, actual.get(j++)));
            } else {
                out.add(String.format("%5d - %s", i + 1, expected.get(i++)));
            }
        }
        return String.join("\n", out.subList(0, Math.min(out.size(), 200)));
    }
}
