package io.wirewatch.alerts.web;

import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.Signal;
import io.wirewatch.schema.Story;
import java.text.Normalizer;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which kept stories a reader wants: holding every one of some words (whole words, any case: "war" finds "war"
 * and "War", not "Warsaw" or "software"), naming an actor, published in a period, quiet (no signals) or not. A
 * record of a page that could not be read and has no text of its own is never a story here; a story made of its
 * feed item's summary is.
 *
 * @param words   lower-case words that must all be in the title or text; empty for any
 * @param actors  actor codes of which one must be named by the story (an entity's country or actor, a signal's
 *                source or target); empty for any
 * @param from    stories published at or after it (fetched, when the story gave no date)
 * @param to      stories published before it
 * @param signals whether to list quiet stories, stories with signals, or both
 */
public record StoryQuery(List<String> words, Set<String> actors, @Nullable Instant from, @Nullable Instant to,
                         Signals signals) implements Predicate<EnrichedStory> {

    /** Stories with signals, without (quiet), or both. */
    public enum Signals { ANY, NONE, SOME }

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    public StoryQuery {
        words = List.copyOf(words);
        actors = Set.copyOf(actors);
        Objects.requireNonNull(signals, "signals");
    }

    /** Stories holding every one of {@code words}, of any kind. */
    public static StoryQuery words(List<String> words) {
        return new StoryQuery(words, Set.of(), null, null, Signals.ANY);
    }

    /** Whether this query asks for anything narrower than every story. */
    public boolean narrows() {
        return !words.isEmpty() || !actors.isEmpty() || from != null || to != null || signals != Signals.ANY;
    }

    /** The words of {@code text}, lower case, without accents, as a search matches them. */
    public static List<String> wordsOf(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        return NOT_WORD.splitAsStream(plain).filter(w -> !w.isEmpty()).toList();
    }

    /** Whether {@code story} is a story at all: it has text, or it is a page that could not be read. */
    public static boolean isStory(EnrichedStory story) {
        Story raw = story.getStory();
        return raw.getFromFeedSummary() || (raw.getFetchStatus() == null && !raw.getParagraphs().isEmpty());
    }

    /** The story's publication time, or when it was fetched when it gave none. */
    public static Instant time(Story story) {
        return story.getPublishedAt() != null ? story.getPublishedAt() : story.getFetchedAt();
    }

    /** The actor codes a story names. */
    public static Set<String> actorsOf(EnrichedStory story) {
        Set<String> codes = new HashSet<>();
        for (Entity entity : story.getEntities()) {
            if (entity.getCountry() != null) {
                codes.add(entity.getCountry().toUpperCase(Locale.ROOT));
            }
            if (entity.getActorId() != null && !entity.getActorId().contains(":")) {
                codes.add(entity.getActorId().toUpperCase(Locale.ROOT));
            }
        }
        for (Signal signal : story.getSignals()) {
            if (signal.getSource() != null) {
                codes.add(signal.getSource().toUpperCase(Locale.ROOT));
            }
            if (signal.getTarget() != null) {
                codes.add(signal.getTarget().toUpperCase(Locale.ROOT));
            }
        }
        return codes;
    }

    @Override
    public boolean test(EnrichedStory story) {
        if (!isStory(story)) {
            return false;
        }
        boolean quiet = story.getSignals().isEmpty();
        if ((signals == Signals.NONE && !quiet) || (signals == Signals.SOME && quiet)) {
            return false;
        }
        Instant at = time(story.getStory());
        if ((from != null && at.isBefore(from)) || (to != null && !at.isBefore(to))) {
            return false;
        }
        if (!actors.isEmpty() && actorsOf(story).stream().noneMatch(actors::contains)) {
            return false;
        }
        if (words.isEmpty()) {
            return true;
        }
        Set<String> held = new HashSet<>(wordsOf(story.getStory().getTitle()));
        held.addAll(wordsOf(StoryEndpoints.text(story.getStory())));
        return held.containsAll(words);
    }
}
