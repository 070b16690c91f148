package io.wirewatch.ingest.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirewatch.ingest.extract.HtmlExtractor;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * Development main for a second, unseen check: scores extraction on a folder laid out like trafilatura's
 * evaluation ({@code evaldata.json} with {@code {url: {file, with: [...], without: [...]}}}, pages under
 * {@code eval/} or {@code cache/}). A "with" snippet found in the body is a true positive, a "without" snippet
 * found is a false positive; whitespace is normalised on both sides, as trafilatura's own scorer does. Prints
 * the totals only, on purpose: the set is for checking, not for tuning.
 */
public final class SnippetBenchmark {

    private SnippetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        JsonNode data = new ObjectMapper().readTree(dir.resolve("evaldata.json").toFile());
        HtmlExtractor extractor = new HtmlExtractor(Clock.systemUTC());
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        int empty = 0;
        int errors = 0;
        int pages = 0;
        for (Map.Entry<String, JsonNode> entry : data.properties()) {
            String file = entry.getValue().path("file").asText();
            Path page = dir.resolve("eval").resolve(file);
            if (!Files.isRegularFile(page)) {
                page = dir.resolve("cache").resolve(file);
            }
            if (!Files.isRegularFile(page)) {
                throw new IllegalArgumentException("evaldata names " + file + " but neither eval/ nor cache/ has it");
            }
            pages++;
            String body;
            try {
                body = norm(extractor.extract(Jsoup.parse(new ByteArrayInputStream(Files.readAllBytes(page)), null,
                        entry.getKey()), entry.getKey()).body());
            } catch (RuntimeException | StackOverflowError e) {
                errors++;
                body = "";
            }
            if (body.isEmpty()) {
                empty++;
            }
            for (JsonNode with : entry.getValue().path("with")) {
                if (body.contains(norm(with.asText()))) {
                    tp++;
                } else {
                    fn++;
                }
            }
            for (JsonNode without : entry.getValue().path("without")) {
                if (body.contains(norm(without.asText()))) {
                    fp++;
                } else {
                    tn++;
                }
            }
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = 2.0 * tp / Math.max(1, 2 * tp + fp + fn);
        System.out.printf(Locale.ROOT, "snippets on %d pages: P=%.3f R=%.3f F1=%.3f accuracy=%.3f "
                        + "(tp=%d fp=%d fn=%d tn=%d), %d empty bodies, %d errors%n", pages, precision, recall, f1,
                (double) (tp + tn) / Math.max(1, tp + tn + fp + fn), tp, fp, fn, tn, empty, errors);
    }

    private static String norm(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
