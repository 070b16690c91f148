package io.wirewatch.ingest.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Scores main-text extractors on a folder laid out like the ScrapingHub article-extraction benchmark
 * ({@code ground-truth.json} with {@code {id: {articleBody, url}}}, and {@code html/<id>.html.gz}) with
 * {@link ShingleMetric}. An extractor that throws on a page scores that page as empty and the error is counted.
 */
public final class ExtractionEval {

    /** One labelled page: its id, URL, raw bytes (pages are decoded by the extractor under test) and true body. */
    public record Page(String id, String url, byte[] html, String truth) {
        public Page {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(html, "html");
            Objects.requireNonNull(truth, "truth");
        }

        /** The page as text, UTF-8 (the benchmark's pages are UTF-8). */
        public String text() {
            return new String(html, StandardCharsets.UTF_8);
        }
    }

    /** A main-text extractor under test: page in, body text out. */
    @FunctionalInterface
    public interface Extractor {
        String extract(Page page) throws Exception;
    }

    /** One extractor's score, errors, per-page counts and the pages it failed on. */
    public record Result(String name, ShingleMetric.Score score, int errors, List<String> errorPages,
                         Map<String, ShingleMetric.Counts> perPage) {
        public Result {
            errorPages = List.copyOf(errorPages);
            perPage = Map.copyOf(perPage);
        }
    }

    private ExtractionEval() {
    }

    /** Loads the labelled pages of {@code dataDir}, in the order of its ground truth. */
    public static List<Page> load(Path dataDir) {
        Path truthFile = dataDir.resolve("ground-truth.json");
        if (!Files.isRegularFile(truthFile)) {
            throw new IllegalArgumentException(dataDir + " has no ground-truth.json (expected the layout of "
                    + "the ScrapingHub article-extraction benchmark)");
        }
        try {
            JsonNode truth = new ObjectMapper().readTree(truthFile.toFile());
            List<Page> pages = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> fields = truth.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                String id = entry.getKey();
                Path html = dataDir.resolve("html").resolve(id + ".html.gz");
                if (!Files.isRegularFile(html)) {
                    throw new IllegalArgumentException("ground truth names page " + id + " but " + html
                            + " is missing");
                }
                pages.add(new Page(id, entry.getValue().path("url").asText(""), gunzip(html),
                        entry.getValue().path("articleBody").asText("")));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + truthFile, e);
        }
    }

    /** Runs {@code extractor} over every page and scores it. */
    public static Result run(String name, Extractor extractor, List<Page> pages) {
        List<ShingleMetric.Counts> counts = new ArrayList<>();
        Map<String, ShingleMetric.Counts> perPage = new java.util.LinkedHashMap<>();
        List<String> errorPages = new ArrayList<>();
        for (Page page : pages) {
            String predicted;
            try {
                predicted = extractor.extract(page);
            } catch (Exception | StackOverflowError e) {
                predicted = "";
                errorPages.add(page.id() + ": " + e);
            }
            ShingleMetric.Counts c = ShingleMetric.match(page.truth(), predicted == null ? "" : predicted);
            counts.add(c);
            perPage.put(page.id(), c);
        }
        return new Result(name, ShingleMetric.score(counts), errorPages.size(), errorPages, perPage);
    }

    static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
