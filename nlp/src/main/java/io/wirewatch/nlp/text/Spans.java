package io.wirewatch.nlp.text;

import java.util.List;
import java.util.function.ToIntFunction;

/** Lookups over spans kept in text order (sentences, tokens, quotes): binary searches, not scans. */
public final class Spans {

    private Spans() {
    }

    /**
     * The index of the span in {@code spans} (sorted, not overlapping) whose {@code [start, end)} holds
     * {@code offset}, or -1 when the offset falls between spans.
     */
    public static <T> int indexAt(List<T> spans, int offset, ToIntFunction<T> start, ToIntFunction<T> end) {
        int low = 0;
        int high = spans.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            T span = spans.get(mid);
            if (offset < start.applyAsInt(span)) {
                high = mid - 1;
            } else if (offset >= end.applyAsInt(span)) {
                low = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
