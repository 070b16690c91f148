package io.wirewatch.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The sample stories bundled in the jar: the seed AP story and a handful the project wrote in wire style. */
final class Samples {

    static final List<String> FILES = List.of(
            "2022-01-26-ap-no-concessions.txt",
            "2022-01-27-talks-offer.txt",
            "2022-02-03-de-escalation.txt",
            "2022-02-08-denial.txt",
            "2022-02-10-conditional-threat.txt",
            "2022-02-11-business.txt");

    private Samples() {
    }

    /** Copies the samples into {@code folder} (created if needed) and returns their paths. */
    static List<Path> extractTo(Path folder) {
        try {
            Files.createDirectories(folder);
            for (String name : FILES) {
                try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("sample " + name + " is missing from the jar");
                    }
                    Files.copy(in, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return FILES.stream().map(folder::resolve).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample stories to " + folder, e);
        }
    }
}
