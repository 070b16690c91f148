package io.wirewatch.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * Publication and modification dates of a page, from the strongest evidence down: JSON-LD, meta tags, microdata
 * and {@code <time>} elements, the URL, then dates written in the page's date/byline elements and text.
 *
 * <p>This class ranks the candidates and says how far each kind is trusted ({@link Found#confidence()}); the
 * candidates come from {@link MachineDates} (written for machines), {@link UrlDates} (URLs),
 * {@link PrintedDates} (printed for readers), {@link HeadlineArea} (beside the headline) and {@link Copyright}, and
 * {@link LocalReading} puts the chosen one on the publisher's clock.
 */
public final class PublishedDates {

    /** The dates found, each with where it was found; either may be absent. */
    public record Dates(@Nullable Found published, @Nullable Found modified) {
    }

    /**
     * One date, the evidence it came from (e.g. {@code json-ld:datePublished}) and how far that kind of evidence
     * is to be trusted, between 0 and 1: structured data the publisher wrote for machines first, a date printed
     * beside the headline next, a date merely somewhere in the page or its links last.
     */
    public record Found(DateParser.Parsed date, String evidence, float confidence) {

        public Found {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(evidence, "evidence");
        }

        Found(DateParser.Parsed date, String evidence) {
            this(date, evidence, confidenceOf(evidence));
        }

        private static float confidenceOf(String evidence) {
            String kind = evidence.contains(":") ? evidence.substring(0, evidence.indexOf(':')) : evidence;
            return switch (kind) {
                case "json-ld", "markup" -> 0.9f;
                case "meta" -> 0.85f;
                case "time", "url" -> 0.75f;
                case "element", "byline" -> 0.65f;
                case "near-title", "text", "script-json" -> 0.5f;
                case "text-first" -> 0.3f;
                case "links" -> 0.2f;
                case "copyright" -> 0.1f;
                default -> 0.4f;
            };
        }
    }

    private PublishedDates() {
    }

    /** The dates of {@code doc}, reading its JSON-LD too; {@code url} may be null; no date after {@code latest}. */
    public static Dates of(Document doc, @Nullable String url, LocalDate latest) {
        return find(doc, JsonLd.blocks(doc), url, latest);
    }

    /** The dates of {@code doc}, fetched from {@code url} (may be null); no date after {@code latest}. */
    static Dates find(Document doc, List<JsonNode> jsonLd, @Nullable String url, LocalDate latest) {
        Found inUrl = url == null ? null : UrlDates.fromUrl(url, latest);
        Found published = MachineDates.fromJsonLd(jsonLd, "datePublished", latest);
        Found modified = MachineDates.fromJsonLd(jsonLd, "dateModified", latest);
        if (published == null) {
            published = MachineDates.fromJsonLd(jsonLd, "dateCreated", latest);
        }
        if (published == null) {
            published = MachineDates.fromMeta(doc, MachineDates.PUBLISHED_META, latest);
        }
        if (modified == null) {
            modified = MachineDates.fromMeta(doc, MachineDates.MODIFIED_META, latest);
        }
        if (modified == null) {
            modified = MachineDates.modifiedMarkup(doc, latest);
        }
        if (published == null) {
            published = MachineDates.fromMarkup(doc, latest);
        }
        if (published == null) {
            published = MachineDates.fromMeta(doc, MachineDates.GENERIC_META, latest);
        }
        if (inUrl != null && (published == null || !published.date().day().equals(inUrl.date().day()))) {
            // a full date in the URL is the strongest evidence of the day; structured data keeps the time
            // when it agrees with it
            return new Dates(inUrl, modified);
        }
        if (published != null) {
            LocalReading reading = new LocalReading(doc, latest);
            published = reading.inPublishersZone(reading.asShown(published, modified));
            boolean generic = MachineDates.isGenericMeta(published);
            if (inUrl == null && !published.evidence().startsWith("shown:")
                    && (generic || !reading.shows(published.date().day()))) {
                // a date for machines that the page prints nowhere, or one under a name that says only "a date",
                // against one it prints beside its headline, in its date line or after "Published:": readers
                // (and the newsroom's editors) saw the printed one
                Found printed = HeadlineArea.nearTitle(doc, latest);
                if (printed == null) {
                    printed = PrintedDates.fromDateElements(doc, latest);
                }
                if (printed == null && generic) {
                    printed = PrintedDates.fromText(doc, latest);
                }
                if (printed != null && !printed.date().day().equals(published.date().day())
                        && reading.shows(printed.date().day())) {
                    published = new Found(printed.date(), "shown:" + printed.evidence(), 0.6f);
                }
            }
            return new Dates(published, modified);
        }
        if (published == null) {
            published = MachineDates.fromAnyDateMeta(doc, latest);
        }
        if (published == null) {
            published = MachineDates.fromScriptJson(doc, latest);
        }
        if (published == null) {
            published = HeadlineArea.nearTitle(doc, latest);
        }
        if (published == null) {
            published = PrintedDates.fromDateElements(doc, latest);
        }
        if (published == null) {
            published = UrlDates.fromUrlsInPage(doc, latest);
        }
        if (published == null) {
            published = PrintedDates.fromText(doc, latest);
        }
        if (published == null && modified != null) {
            // the page's own machine-readable date, though of its last change, is closer to its publication than
            // the first date its text happens to mention
            published = new Found(modified.date(), modified.evidence() + " (modified)");
        }
        if (published == null) {
            published = PrintedDates.firstInText(doc, latest);
        }
        if (published == null) {
            published = UrlDates.mostFrequentInLinks(doc, latest);
        }
        if (published == null) {
            published = Copyright.of(doc, latest);
        }
        if (published == null && modified != null) {
            published = new Found(modified.date(), modified.evidence() + " (modified)");
        }
        return new Dates(published, modified);
    }

}
