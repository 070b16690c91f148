package io.wirewatch.app;

import io.wirewatch.ingest.eval.DateEval;
import io.wirewatch.ingest.extract.PublishedDates;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jsoup.Jsoup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch eval dates --data DIR}: publication dates scored on a folder laid out like the htmldate test
 * set ({@code labels.json}, {@code html/<file>.gz}), exact-day accuracy on the publisher's local calendar day.
 */
@Command(name = "dates", mixinStandardHelpOptions = true,
        description = "Score publication-date extraction on a folder laid out like the htmldate test set "
                + "(labels.json and html/<file>.gz): the share of pages dated on the exact day, the publisher's "
                + "own calendar day (a story of 23:30 in New York on 3 May counts as 3 May).")
public final class EvalDatesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The labelled folder.")
    Path data;

    @Option(names = "--misses", paramLabel = "N", defaultValue = "0", description = "Also list N misses.")
    int misses;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var pages = DateEval.load(data);
        LocalDate latest = LocalDate.now(Clock.systemUTC().withZone(ZoneOffset.UTC)).plusDays(1);
        DateEval.Result result = DateEval.run(page -> {
            var doc = Jsoup.parse(new ByteArrayInputStream(page.html()), null, page.url());
            var found = PublishedDates.of(doc, page.url(), latest).published();
            return found == null ? Optional.empty() : Optional.of(found.date().day());
        }, pages);
        out.println("dates on " + pages.size() + " pages of " + data);
        out.println("wirewatch  " + result);
        result.misses().stream().limit(Math.max(0, misses)).forEach(m -> out.println("  " + m));
        out.flush();
        return result.errors() == 0 ? 0 : 1;
    }
}
