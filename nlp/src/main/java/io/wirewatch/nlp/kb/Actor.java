package io.wirewatch.nlp.kb;

import io.wirewatch.schema.EntityType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A canonical actor: an id such as {@code RUS}, {@code RUSGOV}, {@code NATO} or {@code PER:ANTONY_BLINKEN}, a
 * display name, the entity type its mentions get, its country (ISO 3166 alpha-3, or an IGO code) and sector.
 *
 * @param gender {@code m}, {@code f} or null, for resolving "he" and "she"
 */
public record Actor(String id, String name, EntityType type, @Nullable String country, @Nullable String sector,
                    @Nullable String gender) {
    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** The code dyads are built from: the country or IGO for people and agencies, else the id. */
    public String dyadCode() {
        return country != null ? country : id;
    }
}
