package io.wirewatch.alerts.rules;

import io.wirewatch.schema.Modality;
import io.wirewatch.schema.Severity;
import java.util.List;
import java.util.Set;

/** The rules that ship with wirewatch, used when no rules file is given. */
public final class DefaultRules {

    /** Score bands shared by the default rules: the harder the language, the higher the severity. */
    public static final List<SeverityBand> BANDS = List.of(new SeverityBand(0, Severity.LOW),
            new SeverityBand(5, Severity.MEDIUM), new SeverityBand(10, Severity.HIGH),
            new SeverityBand(20, Severity.CRITICAL));

    private DefaultRules() {
    }

    public static RuleSet ruleSet() {
        Rule hardLanguage = Rule.of("conflict-language", "1",
                        "Hard conflict language: a threat, rejection, demand or use of force said plainly, "
                                + "on a condition or as intent")
                .withCategories(Set.of("THREATEN", "REJECT", "DEMAND", "COERCE", "ASSAULT", "MOBILIZE", "SANCTION"))
                .withModalities(Set.of(Modality.ASSERTED, Modality.CONDITIONAL, Modality.FUTURE))
                .withSeverity(Severity.LOW, BANDS);
        Rule escalation = Rule.of("escalation-score", "1",
                        "The story's escalation score passed the threshold")
                .withMinScore(10.0)
                .withSeverity(Severity.MEDIUM, BANDS);
        return RuleSet.of("built-in defaults", hardLanguage, escalation);
    }
}
