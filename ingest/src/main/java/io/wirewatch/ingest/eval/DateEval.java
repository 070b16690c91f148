package io.wirewatch.ingest.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Scores publication-date extraction on a folder laid out like the htmldate test set ({@code labels.json} with
 * {@code {url: {file, date}}}, pages in {@code html/<file>.gz}): the share of pages whose date is found on the
 * exact day. A page with no date found counts as wrong; an extractor that throws counts as an error (and wrong).
 */
public final class DateEval {

    /** One labelled page. */
    public record Page(String url, byte[] html, LocalDate date) {
        public Page {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(html, "html");
            Objects.requireNonNull(date, "date");
        }
    }

    /** A date extractor under test. */
    @FunctionalInterface
    public interface Extractor {
        Optional<LocalDate> date(Page page) throws Exception;
    }

    /** The score: exact-day accuracy over all pages, how many had any date, and the misses. */
    public record Result(int pages, int correct, int found, int errors, List<String> misses) {
        public Result {
            misses = List.copyOf(misses);
        }

        public double accuracy() {
            return pages == 0 ? 0 : (double) correct / pages;
        }

        /** Of the pages where a date was given, the share that was right. */
        public double precision() {
            return found == 0 ? 0 : (double) correct / found;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "accuracy=%.3f (%d of %d pages on the exact day), precision=%.3f (%d dated), %d errors",
                    accuracy(), correct, pages, precision(), found, errors);
        }
    }

    private DateEval() {
    }

    /** Loads the labelled pages of {@code dataDir}. */
    public static List<Page> load(Path dataDir) {
        Path labels = dataDir.resolve("labels.json");
        if (!Files.isRegularFile(labels)) {
            throw new IllegalArgumentException(dataDir + " has no labels.json (expected the layout of the "
                    + "htmldate test set)");
        }
        try {
            JsonNode root = new ObjectMapper().readTree(labels.toFile());
            List<Page> pages = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> fields = root.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                String file = entry.getValue().path("file").asText("");
                Path gz = dataDir.resolve("html").resolve(file + ".gz");
                Path plain = dataDir.resolve("html").resolve(file);
                byte[] html = Files.isRegularFile(gz) ? ExtractionEval.gunzip(gz)
                        : Files.isRegularFile(plain) ? Files.readAllBytes(plain) : null;
                if (html == null) {
                    throw new IllegalArgumentException("labels name " + file + " but " + gz + " is missing");
                }
                try {
                    pages.add(new Page(entry.getKey(), html, LocalDate.parse(entry.getValue().path("date").asText())));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("label of " + entry.getKey() + " is not a date: "
                            + entry.getValue().path("date"), e);
                }
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + labels, e);
        }
    }

    /** Runs {@code extractor} over every page and scores it. */
    public static Result run(Extractor extractor, List<Page> pages) {
        int correct = 0;
        int found = 0;
        int errors = 0;
        List<String> misses = new ArrayList<>();
        for (Page page : pages) {
            Optional<LocalDate> date;
            try {
                date = extractor.date(page);
            } catch (Exception | StackOverflowError e) {
                errors++;
                misses.add(page.url() + " error " + e);
                continue;
            }
            if (date.isPresent()) {
                found++;
            }
            if (date.isPresent() && date.get().equals(page.date())) {
                correct++;
            } else {
                misses.add(page.url() + " expected " + page.date() + " got " + date.map(LocalDate::toString)
                        .orElse("none"));
            }
        }
        return new Result(pages.size(), correct, found, errors, misses);
    }
}
