package io.wirewatch.nlp.text;

import java.util.Locale;
import java.util.regex.Pattern;

/** Recognises page furniture and photo captions that extraction left in a story body, so nothing is tagged there. */
public final class Furniture {

    private static final Pattern FURNITURE = Pattern.compile(
            "(back to top( button)?|related( articles| posts| stories| news)?|read more|read next|advertisement"
                    + "|share( this( article| story)?)?|subscribe.*|sign up.*|follow us.*|you may also like"
                    + "|recommended( for you)?|more from .*|tags?:.*|comments?|leave a (comment|reply)"
                    + "|click here.*|skip to (main )?content)[.:!]?");
    private static final Pattern CAPTION = Pattern.compile(
            "\\((ap |afp |reuters )?photo\\b|^photo:|\\bphoto by\\b|\\bgetty images\\b|\\b(afp|reuters|ap) photo\\b"
                    + "|\\bfile photo\\b|\\bphoto credit\\b");

    private Furniture() {
    }

    /** True when the paragraph is furniture ("Back to top button") or a photo caption. */
    public static boolean isFurniture(String paragraph) {
        String stripped = paragraph.strip();
        if (stripped.length() > 400) {
            return false; // lower case is never shorter: too long for either test, not worth lower-casing
        }
        String text = stripped.toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return true;
        }
        if (text.length() <= 60 && FURNITURE.matcher(text).matches()) {
            return true;
        }
        return text.length() <= 400 && (text.contains("photo") || text.contains("getty"))
                && CAPTION.matcher(text).find();
    }
}
