package io.wirewatch.alerts.rules;

/** The rules that ship with wirewatch ({@value RulesFile#DEFAULT_RESOURCE}), used when no rules file is given. */
public final class DefaultRules {

    private DefaultRules() {
    }

    public static RuleSet ruleSet() {
        return RulesFile.loadDefault();
    }
}
