package io.wirewatch.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.schema.Modality;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.Severity;
import io.wirewatch.schema.StanceChangeKind;
import io.wirewatch.schema.StanceLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFileTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadEveryRuleSetting() {
        RuleSet rules = RulesFile.parse("""
                severityBands: {0: LOW, 5: MEDIUM, 10: HIGH}
                rules:
                  - id: kremlin-threats
                    version: 2
                    description: Russian threats against NATO
                    categories: [threaten, COERCE]
                    modalities: [ASSERTED, CONDITIONAL]
                    actors: [rus]
                    dyads: ["RUS->NATO", "RUS -> *"]
                    phrases: ["Retaliatory measures"]
                    minSignals: 2
                    minEscalationScore: 4.5
                    minSources: 2
                    cooldown: 6h
                    severity: fromScore
                  - id: fixed
                    version: 1
                    severity: HIGH
                    cooldown: PT30M
                """, "test.yml");

        assertThat(rules.origin()).isEqualTo("test.yml");
        Rule rule = rules.rules().get(0);
        assertThat(rule.id()).isEqualTo("kremlin-threats");
        assertThat(rule.version()).isEqualTo("2");
        assertThat(rule.categories()).containsExactlyInAnyOrder(PloverCategory.THREATEN,
                PloverCategory.COERCE);
        assertThat(rule.modalities()).containsExactlyInAnyOrder(Modality.ASSERTED, Modality.CONDITIONAL);
        assertThat(rule.actors()).containsExactly("RUS");
        assertThat(rule.dyads()).containsExactly(new Dyad("RUS", "NATO"), new Dyad("RUS", "*"));
        assertThat(rule.phrases()).containsExactly("retaliatory measures");
        assertThat(rule.minSignals()).isEqualTo(2);
        assertThat(rule.minScore()).isEqualTo(4.5);
        assertThat(rule.minSources()).isEqualTo(2);
        assertThat(rule.cooldown()).isEqualTo(Duration.ofHours(6));
        assertThat(rule.severityFor(3)).isEqualTo(Severity.LOW);
        assertThat(rule.severityFor(7)).isEqualTo(Severity.MEDIUM);
        assertThat(rule.severityFor(12)).isEqualTo(Severity.HIGH);

        Rule fixed = rules.rules().get(1);
        assertThat(fixed.severityFor(0)).isEqualTo(Severity.HIGH);
        assertThat(fixed.severityFor(100)).isEqualTo(Severity.HIGH);
        assertThat(fixed.cooldown()).isEqualTo(Duration.ofMinutes(30));
        assertThat(fixed.categories()).as("default: any conflict category").isEmpty();
        assertThat(fixed.modalities()).containsExactlyInAnyOrderElementsOf(Vocabulary.AFFIRMATIVE);
    }

    @Test
    void shouldShipDefaultRulesThatLoad() {
        RuleSet rules = RulesFile.loadDefault();
        assertThat(rules.rules()).extracting(Rule::id).containsExactly("escalation");
        assertThat(rules.origin()).startsWith("classpath:");
    }

    @Test
    void shouldNameFileLineAndReasonForAnUnknownModality() throws Exception {
        Path file = dir.resolve("bad.yml");
        Files.writeString(file, """
                rules:
                  - id: threats
                    version: 1
                    modalities: [ASSERTED, MAYBE]
                """);

        assertThatThrownBy(() -> RulesFile.load(file)).isInstanceOfSatisfying(RulesFileException.class, e -> {
            assertThat(e.origin()).isEqualTo(file.toString());
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.getMessage()).isEqualTo(file + ":4: rule threats: unknown modality 'MAYBE' "
                    + "(ASSERTED, CONDITIONAL, FUTURE, SPECULATIVE or UNKNOWN)");
        });
    }

    @Test
    void shouldRefuseRulesThatWouldFireOnDenials() {
        assertRefused("""
                rules:
                  - id: denials
                    version: 1
                    modalities:
                      - ASSERTED
                      - DENIED
                """, 6, "modality DENIED cannot fire a rule");
    }

    @Test
    void shouldRefuseUnknownKeysWithTheirLine() {
        assertRefused("""
                rules:
                  - id: typo
                    version: 1
                    catgories: [THREATEN]
                """, 4, "rule typo: unknown key 'catgories'");
    }

    @Test
    void shouldRefuseMalformedYamlWithItsLine() {
        assertRefused("""
                rules:
                  - id: broken
                    version: 1
                    phrases: ["unclosed
                """, 4, "not valid YAML");
    }

    @Test
    void shouldRefuseBadValues() {
        assertRefused("rules:\n  - id: a\n    version: 1\n    dyads: [RUSUSA]\n", 4, "not a dyad: 'RUSUSA'");
        assertRefused("rules:\n  - id: a\n    version: 1\n    cooldown: soon\n", 4, "cooldown 'soon' is not a duration");
        assertRefused("rules:\n  - id: a\n    version: 1\n    minSources: 0\n", 4, "minSources must be at least 1");
        assertRefused("rules:\n  - id: a\n    version: 1\n    severity: SEVERE\n", 4, "unknown severity 'SEVERE'");
        assertRefused("rules:\n  - id: a\n    version: 1\n    severity: fromScore\n", 4, "needs top-level severityBands");
        assertRefused("rules:\n  - id: a\n    version: 1\n  - id: a\n    version: 2\n", 4, "rule id 'a' is used twice");
        assertRefused("rules:\n  - version: 1\n", 2, "a rule needs 'id:'");
        assertRefused("rules:\n  - id: Bad Id\n    version: 1\n", 2, "rule id 'Bad Id' must be lower-case");
        assertRefused("severityBands: {ten: HIGH}\nrules: []\n", 1, "severity band 'ten' must be a score");
        assertRefused("rule: []\n", 1, "unknown key 'rule'");
        assertRefused("", 1, "the file is empty");
    }

    private static void assertRefused(String yaml, int line, String reason) {
        assertThatThrownBy(() -> RulesFile.parse(yaml, "rules.yml"))
                .isInstanceOfSatisfying(RulesFileException.class, e -> {
                    assertThat(e.reason()).contains(reason);
                    assertThat(e.line()).as("line of: " + e.getMessage()).isEqualTo(line);
                    assertThat(e.getMessage()).startsWith("rules.yml:" + line + ": ");
                });
    }

    @Test
    void shouldMatchPhrasesInEvidenceOrSentenceIgnoringCase() {
        Rule rule = RulesFile.parse("rules:\n  - id: p\n    version: 1\n    phrases: [No Concessions]\n", "t")
                .rules().get(0);
        var stories = io.wirewatch.alerts.testing.Stories.seed().getSignals();
        assertThat(stories.stream().filter(rule::matches).map(s -> s.getEvidence()).toList())
                .isEqualTo(List.of("no concessions"));
    }

    @Test
    void shouldReadStoryStanceChangeAndDyadWindowRules() {
        RuleSet rules = RulesFile.parse("""
                severityBands: {0: LOW, 10: MEDIUM}
                rules:
                  - id: escalation
                    version: 2
                    categories: [THREATEN, REJECT]
                    attributed: true
                    oneIsEnough: [threaten]
                    minSignals: 3
                    severity:
                      fromScore: true
                      headline: {threaten: HIGH}
                  - id: turned-hostile
                    version: 1
                    on: stanceChange
                    kinds: [SHIFT]
                    from: [cooperation]
                    to: [THREAT, FORCE]
                    dyads: ["RUS->*"]
                    severity: {min: MEDIUM, headline: {FORCE: CRITICAL}}
                  - id: hostile-day
                    version: 1
                    on: dyadWindow
                    windows: [DAY]
                    maxIndex: -5
                    minConflictShare: 0.8
                    minStories: 3
                    minSignals: 4
                """, "test.yml");

        Rule story = rules.rules().get(0);
        assertThat(story.trigger()).isEqualTo(Trigger.STORY);
        assertThat(story.attributed()).isTrue();
        assertThat(story.oneIsEnough()).containsExactly(PloverCategory.THREATEN);
        assertThat(story.severityFor(1, PloverCategory.THREATEN)).isEqualTo(Severity.HIGH);
        assertThat(story.severityFor(12, PloverCategory.REJECT)).isEqualTo(Severity.MEDIUM);
        assertThat(story.severityFor(1, PloverCategory.REJECT)).isEqualTo(Severity.LOW);
        assertThat(rules.rules().get(1).trigger()).isEqualTo(new Trigger.OnStanceChange(
                java.util.Set.of(StanceChangeKind.SHIFT), java.util.Set.of(StanceLevel.COOPERATION),
                java.util.Set.of(StanceLevel.THREAT, StanceLevel.FORCE)));
        assertThat(rules.rules().get(1).severityFor(0, StanceLevel.FORCE)).isEqualTo(Severity.CRITICAL);
        assertThat(rules.rules().get(2).trigger()).isEqualTo(new Trigger.OnDyadWindow(java.util.Set.of("DAY"), -5.0,
                0.8, 3));
        assertThat(rules.rules().get(2).minSignals()).isEqualTo(4);
    }

    @Test
    void shouldRefuseSettingsOfAnotherKindOfRuleNamingTheLine() {
        assertThatThrownBy(() -> RulesFile.parse("""
                rules:
                  - id: turned-hostile
                    version: 1
                    on: stanceChange
                    categories: [THREATEN]
                """, "test.yml")).hasMessage("test.yml:5: rule turned-hostile: 'categories' does not apply to a rule "
                + "on stanceChange");
        assertThatThrownBy(() -> RulesFile.parse("""
                rules:
                  - id: odd
                    version: 1
                    on: weather
                """, "test.yml")).hasMessage("test.yml:4: rule odd: on must be story, stanceChange or dyadWindow, "
                + "was 'weather'");
        assertThatThrownBy(() -> RulesFile.parse("""
                rules:
                  - id: hostile-day
                    version: 1
                    on: dyadWindow
                    windows: [WEEK]
                """, "test.yml")).hasMessage("test.yml:5: rule hostile-day: window 'WEEK' must be HOUR or DAY");
        assertThatThrownBy(() -> RulesFile.parse("""
                rules:
                  - id: escalation
                    version: 1
                    categories: [REJECT]
                    oneIsEnough: [THREATEN]
                """, "test.yml")).hasMessage("test.yml:5: rule escalation: oneIsEnough must name categories the rule "
                + "matches [REJECT]");
    }

    @Test
    void shouldRefuseACategoryTheVocabularyDoesNotNameWithFileAndLine() throws Exception {
        Path file = dir.resolve("categories.yml");
        Files.writeString(file, """
                rules:
                  - id: attacks
                    version: 1
                    categories:
                      - ASSAULT
                      - BOMB
                """);

        assertThatThrownBy(() -> RulesFile.load(file)).isInstanceOfSatisfying(RulesFileException.class, e -> {
            assertThat(e.origin()).isEqualTo(file.toString());
            assertThat(e.line()).isEqualTo(6);
            assertThat(e.getMessage()).startsWith(file + ":6: rule attacks: categories: unknown category 'BOMB' "
                    + "(AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, APPEAL, DEMAND, DISAPPROVE, "
                    + "REJECT, THREATEN, INVESTIGATE, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT, FIGHT)");
        });
    }

    @Test
    void shouldRefuseCategoriesEnrichmentNeverEmitsWhereverARuleNamesThem() {
        assertRefused("rules:\n  - id: a\n    version: 1\n    oneIsEnough: [ACCUSE]\n", 4,
                "oneIsEnough: unknown category 'ACCUSE'");
        assertRefused("rules:\n  - id: a\n    version: 1\n    categories: [THREATEN]\n"
                + "    severity: {headline: {THREATEN: HIGH, REDUCE_RELATIONS: HIGH}}\n", 5,
                "severity headline: unknown category 'REDUCE_RELATIONS'");
        assertRefused("rules:\n  - id: a\n    version: 1\n    categories: [UNKNOWN]\n", 4,
                "categories: unknown category 'UNKNOWN'");
        assertRefused("rules:\n  - id: a\n    version: 1\n    on: dyadWindow\n    severity: {headline: {BOMB: HIGH}}\n",
                5, "severity headline: unknown category 'BOMB'");
    }

    @Test
    void shouldRefuseAStanceLevelOrChangeKindEnrichmentNeverEmitsWithItsLine() {
        assertRefused("rules:\n  - id: a\n    version: 1\n    on: stanceChange\n    from: [REFUSAL]\n", 5,
                "from: unknown stance level 'REFUSAL' (COOPERATION, PRESSURE, THREAT, FORCE)");
        assertRefused("rules:\n  - id: a\n    version: 1\n    on: stanceChange\n    to: [THREAT]\n"
                + "    kinds: [JUMP]\n", 6, "kinds: unknown change kind 'JUMP' (SHIFT, INDEX_DROP)");
        assertRefused("rules:\n  - id: a\n    version: 1\n    on: stanceChange\n"
                + "    severity: {headline: {THREATEN: HIGH}}\n", 5,
                "severity headline: unknown stance level 'THREATEN'");
    }

    @Test
    void shouldRefuseAConflictCategoryAsACooperationOffset() {
        assertRefused("rules:\n  - id: a\n    version: 1\n    offsetBy: [AGREE, THREATEN]\n", 4,
                "offsetBy: THREATEN is not a cooperation category (AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, "
                        + "RETREAT, APPEAL)");
        assertRefused("rules:\n  - id: a\n    version: 1\n    on: stanceChange\n    offsetBy: [AGREE]\n", 5,
                "'offsetBy' does not apply to a rule on stanceChange");
    }

    @Test
    void shouldReadTypedVocabularyFromTheBundledRules() {
        Rule escalation = DefaultRules.ruleSet().rules().get(0);

        assertThat(escalation.categories()).contains(PloverCategory.FIGHT, PloverCategory.ASSAULT,
                PloverCategory.COERCE, PloverCategory.SANCTION, PloverCategory.MOBILIZE);
        assertThat(escalation.offsetBy()).containsExactlyInAnyOrder(PloverCategory.AGREE, PloverCategory.COOPERATE,
                PloverCategory.CONSULT, PloverCategory.SUPPORT, PloverCategory.CONCEDE, PloverCategory.AID);
        assertThat(escalation.severityFor(0, PloverCategory.FIGHT)).isEqualTo(Severity.HIGH);
    }
}
