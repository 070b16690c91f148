package io.wirewatch.alerts.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Actor names an analyst may type for the codes alerts carry: "Russia", "russia", "Lavrov" and "Sergei Lavrov"
 * all mean {@code RUS}, because alerts' dyads are built from a person's or a body's country. Answers suggestions
 * for a prefix (the dashboard's datalist) and the closest names when a name is unknown (the CLI's "did you mean").
 * The app fills it from the enrichment's knowledge base; without one only codes are understood.
 */
public final class ActorDirectory {

    /** One actor: the code its alerts carry (its country, or its own id) and its display name. */
    public record Actor(String code, String name) {
        public Actor {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
        }
    }

    /** The outcome of resolving what was typed: the codes meant, or none and the closest names. */
    public sealed interface Resolution permits Resolution.Codes, Resolution.Unknown {
        /** The codes an input names, e.g. {@code [RUS]} for "Lavrov". */
        record Codes(Set<String> codes) implements Resolution {
            public Codes {
                codes = Set.copyOf(codes);
            }
        }

        /** Nothing by that name; the closest names the directory knows, best first. */
        record Unknown(String input, List<Actor> closest) implements Resolution {
            public Unknown {
                closest = List.copyOf(closest);
            }

            /** "no actor named 'Rusia' (did you mean Russia (RUS), Syria (SYR)?)". */
            public String message() {
                return "no actor named '" + input + "'" + (closest.isEmpty() ? ""
                        : " (did you mean " + String.join(", ", closest.stream()
                        .map(a -> a.name() + " (" + a.code() + ")").toList()) + "?)");
            }
        }
    }

    /** Knows no names: any code-like input (RUS, NATO) stands for itself. */
    public static final ActorDirectory CODES_ONLY = new ActorDirectory(List.of());

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9:_.\\-]{0,63}");
    private static final int CLOSEST = 5;
    /** Words of names that name no one alone ("Government of Russia" is not "government"). */
    private static final Set<String> COMMON = Set.of("the", "and", "for", "government", "ministry", "republic",
            "united", "national", "state", "states", "people's", "democratic", "foreign", "affairs", "defence",
            "defense", "council", "union", "party", "forces", "army", "military", "president", "minister");

    private final List<Actor> actors;
    private final Map<String, Set<String>> codesByKey = new LinkedHashMap<>();
    private final Set<String> codes = new LinkedHashSet<>();

    private ActorDirectory(List<Actor> actors) {
        this.actors = List.copyOf(actors);
        for (Actor actor : this.actors) {
            codes.add(actor.code());
            key(actor.name(), actor.code());
            for (String word : words(actor.name())) {
                if (word.length() > 2 && !COMMON.contains(normal(word))) {
                    key(word, actor.code());
                }
            }
        }
    }

    /** A directory of these actors (names need not be unique: "Lavrov" and "Russia" both give RUS). */
    public static ActorDirectory of(List<Actor> actors) {
        return new ActorDirectory(actors);
    }

    private void key(String text, String code) {
        codesByKey.computeIfAbsent(normal(text), k -> new LinkedHashSet<>()).add(code);
    }

    /**
     * The codes {@code input} names: a code the directory knows (any case); else an actor's whole name or one of
     * its words ("Lavrov"), any case; else, when it is written like a code (RUS, NATO) and the directory knows no
     * names at all, the input itself.
     */
    public Resolution resolve(String input) {
        String typed = input.strip();
        String upper = typed.toUpperCase(Locale.ROOT);
        if (codes.contains(upper)) {
            return new Resolution.Codes(Set.of(upper));
        }
        Set<String> byName = codesByKey.get(normal(typed));
        if (byName != null) {
            return new Resolution.Codes(byName);
        }
        if (actors.isEmpty() && CODE.matcher(upper).matches()) {
            return new Resolution.Codes(Set.of(upper));
        }
        return new Resolution.Unknown(typed, closest(typed));
    }

    /** Up to {@code limit} actors whose name, a word of it, or code starts with {@code prefix} (any case). */
    public List<Actor> suggest(String prefix, int limit) {
        String p = normal(prefix);
        if (p.isEmpty()) {
            return List.of();
        }
        List<Actor> out = new ArrayList<>();
        for (Actor actor : actors) {
            boolean hit = normal(actor.code()).startsWith(p) || normal(actor.name()).startsWith(p)
                    || words(actor.name()).stream().anyMatch(w -> normal(w).startsWith(p));
            if (hit) {
                out.add(actor);
            }
        }
        out.sort(Comparator.comparing((Actor a) -> !normal(a.name()).startsWith(p))
                .thenComparing(a -> a.name().length()).thenComparing(Actor::name));
        return out.subList(0, Math.min(limit, out.size()));
    }

    /** The names closest to {@code input} by edit distance, within a third of its length. */
    private List<Actor> closest(String input) {
        String p = normal(input);
        int allowed = Math.max(1, p.length() / 3);
        Map<Actor, Integer> distance = new LinkedHashMap<>();
        for (Actor actor : actors) {
            int best = Integer.MAX_VALUE;
            List<String> keys = new ArrayList<>(words(actor.name()));
            keys.add(actor.name());
            keys.add(actor.code());
            for (String key : keys) {
                best = Math.min(best, editDistance(p, normal(key)));
            }
            if (best <= allowed) {
                distance.put(actor, best);
            }
        }
        return distance.entrySet().stream()
                .sorted(Map.Entry.<Actor, Integer>comparingByValue().thenComparing(e -> e.getKey().name()))
                .limit(CLOSEST).map(Map.Entry::getKey).toList();
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static List<String> words(String name) {
        return List.of(name.split("[\\s\\-]+"));
    }

    private static String normal(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
