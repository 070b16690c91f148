package io.wirewatch.nlp.kb;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A dated office: {@code person} held {@code title} for {@code country} (or an IGO) from {@code from} until
 * {@code to} (exclusive; null while still in office).
 */
public record Role(String person, String title, String country, String sector, LocalDate from,
                   @Nullable LocalDate to) {
    public Role {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(from, "from");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("role " + title + " of " + person + " ends before it starts");
        }
    }

    /** True when the role was held on {@code day}. */
    public boolean heldOn(LocalDate day) {
        return !day.isBefore(from) && (to == null || day.isBefore(to));
    }
}
