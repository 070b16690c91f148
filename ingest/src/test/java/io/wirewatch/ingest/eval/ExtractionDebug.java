package io.wirewatch.ingest.eval;

import io.wirewatch.ingest.extract.HtmlExtractor;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;

/** Development aid: shows, for chosen benchmark pages, which true paragraphs were missed and which extra ones kept. */
public final class ExtractionDebug {

    private ExtractionDebug() {
    }

    public static void main(String[] args) throws Exception {
        List<ExtractionEval.Page> pages = ExtractionEval.load(Path.of(args[0]));
        HtmlExtractor ours = new HtmlExtractor(Clock.systemUTC());
        for (int i = 1; i < args.length; i++) {
            String prefix = args[i];
            for (ExtractionEval.Page page : pages) {
                if (!page.id().startsWith(prefix)) {
                    continue;
                }
                var article = ours.extract(Jsoup.parse(new ByteArrayInputStream(page.html()), null, page.url()),
                        page.url());
                String predicted = article.body();
                ShingleMetric.Counts c = ShingleMetric.match(page.truth(), predicted);
                System.out.printf(Locale.ROOT, "=== %s %s tp=%.2f fp=%.2f fn=%.2f%n", page.id(), page.url(),
                        c.tp(), c.fp(), c.fn());
                String normPred = String.join(" ", ShingleMetric.tokens(predicted));
                String normTruth = String.join(" ", ShingleMetric.tokens(page.truth()));
                for (String para : page.truth().split("\n+")) {
                    String t = String.join(" ", ShingleMetric.tokens(para));
                    if (!t.isEmpty() && !normPred.contains(t)) {
                        System.out.println("  MISSED " + abbreviate(para));
                    }
                }
                for (String para : article.paragraphs()) {
                    String t = String.join(" ", ShingleMetric.tokens(para));
                    if (!t.isEmpty() && !normTruth.contains(t)) {
                        System.out.println("  EXTRA  " + abbreviate(para));
                    }
                }
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
