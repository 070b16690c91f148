package io.wirewatch.ingest.extract;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * The last source of a date: a copyright line that carries a full date ("© 3 May 2020 Example Press"). A
 * copyright line with a year only is not a publication date (site footers print the current year on every page)
 * and gives nothing.
 */
final class Copyright {

    private static final Pattern MARK = Pattern.compile("(?i)©|\\(c\\)|\\bcopyright\\b");

    private Copyright() {
    }

    static PublishedDates.@Nullable Found of(Document doc, LocalDate latest) {
        if (doc.body() == null) {
            return null;
        }
        String text = doc.body().text();
        Matcher m = MARK.matcher(text);
        int seen = 0;
        while (m.find() && seen++ < 20) {
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 60));
            Optional<DateParser.Parsed> p = DateParser.find(after, latest);
            if (p.isPresent()) {
                return new PublishedDates.Found(p.get(), "copyright");
            }
        }
        return null;
    }
}
