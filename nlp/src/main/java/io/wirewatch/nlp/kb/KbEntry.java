package io.wirewatch.nlp.kb;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One surface form in the knowledge base and what it can mean. {@link #tokens()} is the alias as written (its
 * capitals say how a match must be capitalised); {@link #needsThe()} says the alias only counts after "the"
 * ("the Alliance", "the West"); {@link #looseCase()} lets titles and agency names match in lower case too, except
 * for their all-capital parts ("US").
 */
public record KbEntry(List<String> tokens, Kind kind, @Nullable Actor actor, @Nullable Actor metonym,
                      List<Actor> candidates, List<Role> roles, boolean needsThe, boolean looseCase) {

    /** What a surface form names. */
    public enum Kind {
        /** Always the same actor: a state, body, person's full name, demonym or place without a metonym. */
        NAME,
        /** A place that names a government when used as an actor ("Moscow has demanded"). */
        PLACE,
        /** A seat of government: always the government ("the Kremlin"). */
        SEAT,
        /** A surname: one of {@link #candidates()}, decided by the story. */
        SURNAME,
        /** An office: whoever held one of {@link #roles()} at the story's date. */
        TITLE
    }

    public KbEntry {
        tokens = List.copyOf(tokens);
        Objects.requireNonNull(kind, "kind");
        candidates = List.copyOf(candidates);
        roles = List.copyOf(roles);
    }

    /** Priority when two entries share a surface form: names beat places, places beat surnames and titles. */
    public int rank() {
        return switch (kind) {
            case NAME -> 4;
            case SEAT -> 3;
            case PLACE -> 3;
            case SURNAME -> 1;
            case TITLE -> 2;
        };
    }
}
