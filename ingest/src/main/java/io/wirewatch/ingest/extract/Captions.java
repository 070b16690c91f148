package io.wirewatch.ingest.extract;

import java.util.regex.Pattern;

/** Recognises photo captions and credits written into the text ("... (Photo: Russian Ministry of Defense)"). */
final class Captions {

    private static final Pattern CAPTION = Pattern.compile("(?iu)(?:"
            + "\\((?:[\\p{L} ]{0,30} )?(?:photos?|picture|image|foto|bild)(?:\\s*:|\\s*/|\\s+by|\\s+credit)[^)]{0,120}\\)"
            + "\\s*\\.?$"
            + "|^(?:photo|file photo|image|picture|foto|bild)\\s*[:/|].{0,400}$"
            + "|^.{0,400}\\b(?:photo|image)\\s*:\\s*[\\p{L}][\\p{L} .&/'-]{1,60}$)");

    private Captions() {
    }

    /** True when a paragraph of a story is a photo caption rather than story text. */
    static boolean isCaption(String paragraph) {
        return paragraph.length() <= 600 && CAPTION.matcher(paragraph.strip()).find();
    }
}
