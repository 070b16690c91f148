package io.wirewatch.ingest.eval;

import io.wirewatch.ingest.extract.PublishedDates;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.jsoup.Jsoup;

/** Development main: scores publication dates on an htmldate-style folder and lists the misses. */
public final class DateBenchmark {

    private DateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var pages = DateEval.load(Path.of(args[0]));
        LocalDate latest = LocalDate.now().plusDays(1);
        DateEval.Result result = DateEval.run(page -> {
            var doc = Jsoup.parse(new ByteArrayInputStream(page.html()), null, page.url());
            var found = PublishedDates.of(doc, page.url(), latest).published();
            return found == null ? Optional.empty() : Optional.of(found.date().day());
        }, pages);
        System.out.println("dates: " + result);
        if (args.length > 1) {
            int shown = 0;
            for (var page : pages) {
                var doc = Jsoup.parse(new ByteArrayInputStream(page.html()), null, page.url());
                var dates = PublishedDates.of(doc, page.url(), latest);
                var found = dates.published();
                if (found == null || !found.date().day().equals(page.date())) {
                    System.out.println("  " + page.url() + " expected " + page.date() + " got "
                            + (found == null ? "none" : found.date().day() + " from " + found.evidence())
                            + (dates.modified() == null ? "" : " modified " + dates.modified().date().day()));
                    if (++shown >= Integer.parseInt(args[1])) {
                        break;
                    }
                }
            }
        }
    }
}
