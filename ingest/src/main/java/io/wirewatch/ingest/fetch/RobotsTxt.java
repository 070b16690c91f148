package io.wirewatch.ingest.fetch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of one robots.txt for one user agent (RFC 9309): the group naming the agent (by product token),
 * else the {@code *} group; the longest matching Allow/Disallow wins, Allow on a tie; {@code *} and {@code $}
 * wildcards. An empty or unreadable robots.txt allows everything.
 */
public final class RobotsTxt {

    private record Rule(String pattern, boolean allow) {
    }

    /** Allows everything: what a missing robots.txt (4xx) means. */
    public static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of());

    /** Disallows everything: what an unreachable robots.txt (5xx, no answer) means. */
    public static final RobotsTxt DISALLOW_ALL = new RobotsTxt(List.of(new Rule("/", false)));

    private final List<Rule> rules;

    private RobotsTxt(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Parses {@code body} and keeps the rules that apply to {@code userAgent} (e.g. "wirewatch/0.1 (...)"). */
    public static RobotsTxt parse(byte[] body, String userAgent) {
        String product = userAgent.split("[/ ]")[0].toLowerCase(Locale.ROOT);
        List<Rule> mine = new ArrayList<>();
        List<Rule> star = new ArrayList<>();
        List<String> agents = new ArrayList<>();
        List<Rule> group = new ArrayList<>();
        boolean inRules = false;
        boolean matchedMine = false;
        for (String raw : new String(body, StandardCharsets.UTF_8).split("\\R")) {
            String line = raw.replaceFirst("#.*", "").strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (inRules) {
                    matchedMine |= collect(agents, group, product, mine, star);
                    agents = new ArrayList<>();
                    group = new ArrayList<>();
                    inRules = false;
                }
                agents.add(value.toLowerCase(Locale.ROOT));
            } else if (key.equals("allow") || key.equals("disallow")) {
                inRules = true;
                if (!value.isEmpty()) {
                    group.add(new Rule(value, key.equals("allow")));
                }
            }
        }
        matchedMine |= collect(agents, group, product, mine, star);
        return new RobotsTxt(matchedMine ? mine : star);
    }

    private static boolean collect(List<String> agents, List<Rule> group, String product, List<Rule> mine,
                                   List<Rule> star) {
        boolean matched = false;
        for (String agent : agents) {
            if (!product.isEmpty() && agent.equals(product)) {
                mine.addAll(group);
                matched = true;
            } else if (agent.equals("*")) {
                star.addAll(group);
            }
        }
        return matched;
    }

    /** True when the path (with query) may be fetched. */
    public boolean allows(String pathAndQuery) {
        String path = pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        Rule best = null;
        for (Rule rule : rules) {
            if (matches(rule.pattern(), path) && (best == null || rule.pattern().length() > best.pattern().length()
                    || rule.pattern().length() == best.pattern().length() && rule.allow())) {
                best = rule;
            }
        }
        return best == null || best.allow();
    }

    /**
     * Whether {@code pattern} ({@code *} for any run of characters, a final {@code $} for the end) matches the
     * start of {@code path}. Greedy, without backtracking: with {@code *} the only wildcard, taking each literal
     * piece at its first place after the previous one is always right, so the time is linear in the path for a
     * given pattern however many stars it has.
     */
    static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        String[] pieces = p.split("\\*", -1);
        if (pieces.length == 1) {
            return anchored ? path.equals(p) : path.startsWith(p);
        }
        if (!path.startsWith(pieces[0])) {
            return false;
        }
        int at = pieces[0].length();
        int last = pieces.length - 1;
        for (int i = 1; i < last; i++) {
            int found = path.indexOf(pieces[i], at);
            if (found < 0) {
                return false;
            }
            at = found + pieces[i].length();
        }
        String tail = pieces[last];
        if (anchored) {
            return path.length() - tail.length() >= at && path.endsWith(tail);
        }
        return path.indexOf(tail, at) >= 0;
    }
}
