package io.wirewatch.nlp.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The lines of a tab-separated data file of ours: a leading byte-order mark, blank lines and # comments skipped. */
final class DataLines {

    /** Makes one value of a line, or throws naming the source and line. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String source, int number, String text);
    }

    private DataLines() {
    }

    /** One value per content line of {@code reader}; {@code what} names the file in an I/O error. */
    static <T> List<T> read(String what, String source, Reader reader, Parser<T> parser) {
        List<T> values = new ArrayList<>();
        BufferedReader in = new BufferedReader(reader);
        int number = 0;
        try {
            for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
                number++;
                String text = number == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
                if (!text.isBlank() && !text.stripLeading().startsWith("#")) {
                    values.add(parser.parse(source, number, text));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " " + source, e);
        }
        return values;
    }
}
