package io.wirewatch.ingest.extract;

import java.util.Objects;
import org.jsoup.nodes.Element;

/** One run of text between block boundaries, with the element that holds it and how much of it is link text. */
record Block(String text, int linkChars, Element owner) {

    Block {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(owner, "owner");
    }

    double linkDensity() {
        return text.isEmpty() ? 0 : Math.min(1.0, (double) linkChars / text.length());
    }

    String tag() {
        return owner.normalName();
    }

    boolean isHeading() {
        String tag = tag();
        return tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1));
    }
}
