package io.wirewatch.alerts.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rules in force, in file order, and where they came from (a file path or {@code classpath:...}).
 */
public record RuleSet(String origin, List<Rule> rules) {

    public RuleSet {
        Objects.requireNonNull(origin, "origin");
        rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (Rule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException(origin + ": rule id '" + rule.id() + "' is used twice");
            }
        }
    }

    public static RuleSet of(String origin, Rule... rules) {
        return new RuleSet(origin, List.of(rules));
    }
}
