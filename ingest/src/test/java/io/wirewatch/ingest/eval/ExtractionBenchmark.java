package io.wirewatch.ingest.eval;

import io.wirewatch.ingest.extract.HtmlExtractor;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;

/**
 * The extraction benchmark: our extractor and Readability4J side by side on the same pages, quality (the
 * ScrapingHub metric) and single-thread speed (pages/s). A benchmark main, not a test: run it with
 * {@code ./mvnw -B -o -pl ingest -am -Pextraction-benchmark -DskipTests verify} (see the profile in ingest/pom.xml)
 * or directly with {@code java -cp <test classpath> io.wirewatch.ingest.eval.ExtractionBenchmark DIR [ROUNDS]}.
 */
public final class ExtractionBenchmark {

    private ExtractionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ExtractionBenchmark DATA_DIR [SPEED_ROUNDS] [--worst N]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int worst = args.length > 3 && args[2].equals("--worst") ? Integer.parseInt(args[3]) : 0;
        if (!data.resolve("ground-truth.json").toFile().isFile()) {
            System.out.println("extraction benchmark skipped: no ground-truth.json in " + data.toAbsolutePath());
            return;
        }
        List<ExtractionEval.Page> pages = ExtractionEval.load(data);
        HtmlExtractor ours = new HtmlExtractor(Clock.systemUTC());
        ExtractionEval.Extractor wirewatch = page -> ours.extract(
                Jsoup.parse(new ByteArrayInputStream(page.html()), null, page.url()), page.url()).body();
        ExtractionEval.Extractor readability = page -> {
            var article = new Readability4J(page.url(), page.text()).parse();
            return article.getTextContent() == null ? "" : article.getTextContent();
        };
        Map<String, ExtractionEval.Extractor> extractors = new java.util.LinkedHashMap<>();
        extractors.put("wirewatch", wirewatch);
        extractors.put("readability4j", readability);

        System.out.printf(Locale.ROOT, "extraction quality on %d pages of %s%n", pages.size(), data);
        List<ExtractionEval.Result> results = new ArrayList<>();
        for (var entry : extractors.entrySet()) {
            ExtractionEval.Result result = ExtractionEval.run(entry.getKey(), entry.getValue(), pages);
            results.add(result);
            System.out.printf(Locale.ROOT, "  %-14s %s, %d errors%n", entry.getKey(), result.score(), result.errors());
            result.errorPages().forEach(e -> System.out.println("      error " + e));
        }
        if (worst > 0) {
            results.get(0).perPage().entrySet().stream()
                    .sorted(java.util.Comparator.comparingDouble(e -> e.getValue().tp()))
                    .limit(worst)
                    .forEach(e -> System.out.printf(Locale.ROOT, "    worst %s tp=%.2f fp=%.2f fn=%.2f%n",
                            e.getKey(), e.getValue().tp(), e.getValue().fp(), e.getValue().fn()));
        }
        if (rounds > 0) {
            System.out.printf(Locale.ROOT, "extraction speed, single thread, parse + extract from bytes, %d rounds over "
                    + "the same %d pages, extractors alternating round by round (the machine is shared: the median "
                    + "round counts); one warm-up round first%n", rounds, pages.size());
            for (var entry : extractors.entrySet()) {
                speed(entry.getKey(), entry.getValue(), pages, 1);
            }
            Map<String, List<Double>> rates = new java.util.LinkedHashMap<>();
            for (int r = 0; r < rounds; r++) {
                for (var entry : extractors.entrySet()) {
                    rates.computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                            .add(speed(entry.getKey(), entry.getValue(), pages, 1));
                }
            }
            for (var entry : rates.entrySet()) {
                List<Double> sorted = entry.getValue().stream().sorted().toList();
                System.out.printf(Locale.ROOT, "  %-14s %.1f pages/s (median; rounds %s)%n", entry.getKey(),
                        sorted.get(sorted.size() / 2), entry.getValue().stream()
                                .map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
            }
            // each round ran both extractors back to back, so their ratio within a round is robust to load drift
            List<Double> oursRates = rates.get("wirewatch");
            List<Double> peer = rates.get("readability4j");
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < oursRates.size(); r++) {
                ratios.add(oursRates.get(r) / peer.get(r));
            }
            List<Double> sortedRatios = ratios.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "  wirewatch / readability4j speed, median of per-round ratios: %.2fx %s%n",
                    sortedRatios.get(sortedRatios.size() / 2), ratios.stream()
                            .map(v -> String.format(Locale.ROOT, "%.2f", v)).toList());
        }
    }

    private static double speed(String name, ExtractionEval.Extractor extractor, List<ExtractionEval.Page> pages,
                                int rounds) {
        long chars = 0;
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (ExtractionEval.Page page : pages) {
                try {
                    chars += extractor.extract(page).length();
                } catch (Exception | StackOverflowError e) {
                    chars--;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (chars == Long.MIN_VALUE) {
            System.out.println(name); // keeps the work observable
        }
        return rounds * pages.size() / seconds;
    }
}
