package io.wirewatch.nlp.entity;

import io.wirewatch.schema.Entity;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Lookups over a document's entities, which are in text order (by start offset): binary searches, not scans. */
public final class Entities {

    private Entities() {
    }

    /** Index of the first entity starting at or after {@code offset} (size when none). */
    public static int firstAtOrAfter(List<Entity> entities, int offset) {
        int low = 0;
        int high = entities.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (entities.get(mid).getStart() < offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The entity that starts exactly at {@code start}, or null. */
    public static @Nullable Entity startingAt(List<Entity> entities, int start) {
        int i = firstAtOrAfter(entities, start);
        return i < entities.size() && entities.get(i).getStart() == start ? entities.get(i) : null;
    }

    /** The entity that ends exactly at {@code end}, or null. */
    public static @Nullable Entity endingAt(List<Entity> entities, int end) {
        for (int i = firstAtOrAfter(entities, end) - 1; i >= 0 && i >= firstAtOrAfter(entities, end) - 4; i--) {
            if (entities.get(i).getEnd() == end) {
                return entities.get(i);
            }
        }
        return null;
    }
}
