package io.wirewatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Extracts a story from plain text: the first non-empty line is the title, blank lines separate paragraphs (or
 * single line breaks, when the text has no blank lines), furniture lines are dropped and photo captions set apart.
 */
public final class TextExtractor {

    private static final Pattern BLANK_LINE = Pattern.compile("\\R[ \\t\\u00a0]*\\R");

    private TextExtractor() {
    }

    /** The story in {@code text}; an article with no paragraphs when the text has nothing but a title. */
    public static Article extract(String text) {
        String clean = text.replace("\ufeff", "").replace("\r\n", "\n").replace('\r', '\n').strip();
        List<String> lines = new ArrayList<>(List.of(clean.split("\n", -1)));
        String title = "";
        while (!lines.isEmpty()) {
            String line = Text.normalise(lines.remove(0));
            if (!line.isEmpty()) {
                title = line;
                break;
            }
        }
        String rest = String.join("\n", lines).strip();
        String[] chunks = BLANK_LINE.matcher(rest).find() ? BLANK_LINE.split(rest) : rest.split("\n");
        List<String> paragraphs = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (String chunk : chunks) {
            String paragraph = Text.normalise(chunk);
            if (paragraph.isEmpty() || Furniture.isFurniture(paragraph)) {
                continue;
            }
            if (Captions.isCaption(paragraph)) {
                captions.add(paragraph);
            } else {
                paragraphs.add(paragraph);
            }
        }
        Datelines.Found found = Datelines.find(paragraphs);
        float confidence = paragraphs.isEmpty() ? 0f : paragraphs.size() >= 3 ? 1f : 0.8f;
        return new Article(title, null, found.place(), found.wire(), Languages.guess(paragraphs), null, null, null, null, 0f,
                paragraphs, captions, confidence);
    }
}
