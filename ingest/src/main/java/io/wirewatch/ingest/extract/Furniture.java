package io.wirewatch.ingest.extract;

import java.util.regex.Pattern;

/**
 * Page furniture that is not story text: "Related Articles", "Back to top button", share bars, newsletter boxes,
 * advertisements. Matches whole paragraphs, so a sentence that merely mentions a newsletter stays.
 */
public final class Furniture {

    private static final Pattern LINE = Pattern.compile("(?iu)^\\W*(?:"
            + "related(?: articles?| stories| news| posts| content| coverage| topics)?"
            + "|back to top(?: button)?|to top|scroll to top"
            + "|share(?: this)?(?: article| story| post| page)?(?: on \\w+)?|share via|share on \\w+"
            + "|(?:tweet|email|print|whatsapp|facebook|twitter|linkedin|pinterest|reddit|telegram|copy link)(?: this)?"
            + "|advertisement|advertising|sponsored(?: content)?|ad|continue reading(?: below)?"
            + "|read more(?: here| at [\\w. ]{2,40})?|read next|read also|see also|more from [\\w .&'-]{2,40}"
            + "|you (?:may|might) (?:also )?(?:like|be interested in|have missed)|recommended(?: for you| stories)?"
            + "|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|latest(?: news| stories)?|top stories"
            + "|(?:sign up|subscribe)(?: (?:for|to) (?:our|the) [\\w ]{0,30}newsletters?)?[\\w ,.!]{0,40}"
            + "|follow us(?: on [\\w ,&]{2,60})?|comments?|leave a (?:comment|reply)|post a comment|\\d+ comments?"
            + "|skip to (?:main )?content|click here(?: to [\\w ]{2,40})?|loading(?:\\.\\.\\.|…)?"
            + "|tags?:.{0,120}|filed under:?.{0,120}|topics?:.{0,120}"
            + "|photo gallery|view (?:gallery|comments)|watch(?: the)? video|listen to (?:this )?article"
            + "|(?:all )?rights reserved\\.?|copyright .{0,80}|© .{0,80}"
            + "|back to [\\w ]{2,30}|return to [\\w ]{2,30}|previous(?: article| story| post)?|next(?: article| story| post)?"
            + ")\\W*$");
    /** Several furniture items in one line: "« Back to World | Back to top". */
    private static final Pattern SEPARATORS = Pattern.compile("\\s*[|·•/]\\s*");
    /** A byline or a dateline of the page itself, not of the story: "By Kari Nordmann", "Published: 03.02.2022". */
    private static final Pattern META_LINE = Pattern.compile("(?iu)^(?:"
            + "by\\s+\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{L}[\\p{L}.'’-]*){0,3}"
            + "(?:\\s*(?:,|and|&|und)\\s*\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{L}[\\p{L}.'’-]*){0,3}){0,4}"
            + "(?:\\s*[,|–—-]\\s*[\\p{L}\\d ,.:/]{2,40})?"
            + "|(?:published|updated|posted|last updated|first published|veröffentlicht|aktualisiert|publié|mis à jour)"
            + "(?:\\s+(?:on|at|am|le))?\\s*:?\\s*[\\p{L}\\d ,.:/+-]{4,60}"
            + ")$");

    private Furniture() {
    }

    /** True when {@code paragraph} as a whole is page furniture. */
    public static boolean isFurniture(String paragraph) {
        String text = paragraph.strip();
        if (text.isEmpty()) {
            return true;
        }
        if (text.length() > 140) {
            return false;
        }
        if (LINE.matcher(text).matches() || META_LINE.matcher(text).matches()) {
            return true;
        }
        String[] parts = SEPARATORS.split(text);
        if (parts.length < 2) {
            return false;
        }
        for (String part : parts) {
            if (!part.isBlank() && !LINE.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }
}
