package io.wirewatch.app.judgement;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.alerts.rules.RulesFile;
import io.wirewatch.app.backtest.Backtest;
import io.wirewatch.nlp.Enricher;
import io.wirewatch.nlp.Enrichers;
import io.wirewatch.ingest.ReadResult;
import io.wirewatch.ingest.StoryReader;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.Signal;
import io.wirewatch.schema.Story;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wire-style stories we wrote, run through the real enrichment and alert topologies with the bundled rules (as
 * {@code backtest} does): escalation must be alerted with the right actors and direction, and negation, denial,
 * hypothetical questions, history and anniversaries, sport, business and metaphor must raise nothing.
 */
class JudgementStoriesTest {

    private static final Instant GENERATED = Instant.parse("2026-01-01T00:00:00Z");
    private static Enricher enricher;

    @TempDir
    static Path dir;

    @BeforeAll
    static void load() {
        enricher = Enrichers.standard(Clock.fixed(GENERATED, ZoneOffset.UTC));
    }

    private static Story story(String name) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = JudgementStoriesTest.class.getResourceAsStream("/judgement/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        ReadResult result = StoryReader.read(file, Clock.fixed(GENERATED, ZoneOffset.UTC));
        assertThat(result).as("fixture %s", name).isInstanceOf(ReadResult.Read.class);
        return ((ReadResult.Read) result).story();
    }

    private static List<Alert> alerts(String name) throws Exception {
        return Backtest.run(List.of(story(name)), RulesFile.loadDefault(), enricher, GENERATED).alerts();
    }

    private static String describe(List<Alert> alerts) {
        return alerts.stream().map(a -> a.getSeverity() + " " + a.getDyad() + " " + a.getTitle() + " "
                + a.getEvidence().stream().map(JudgementStoriesTest::describe).collect(Collectors.joining("; ")))
                .collect(Collectors.joining("\n"));
    }

    private static String describe(Signal s) {
        return s.getCategory() + " " + s.getModality() + " " + s.getSource() + "->" + s.getTarget() + " '"
                + s.getEvidence() + "' " + s.getRule();
    }

    private static void assertAlerted(String name, String dyad) throws Exception {
        List<Alert> alerts = alerts(name);
        assertThat(alerts).as(describe(alerts)).isNotEmpty()
                .allSatisfy(a -> assertThat(a.getDyad()).as(describe(alerts)).isEqualTo(dyad));
    }

    private static void assertQuiet(String name) throws Exception {
        List<Alert> alerts = alerts(name);
        assertThat(alerts).as(describe(alerts)).isEmpty();
    }

    @Test
    void shouldAlertRussianAirStrikesOnKharkivAsRussiaAgainstUkraine() throws Exception {
        assertAlerted("2022-03-02-kharkiv-air-strikes.txt", "RUS->UKR");
    }

    @Test
    void shouldAlertAMissileAttackOnBasesHostingUsTroopsAsIranAgainstTheUnitedStates() throws Exception {
        assertAlerted("2020-01-08-missiles-on-bases.txt", "IRN->USA");
    }

    @Test
    void shouldAlertBorderShellingAsAzerbaijanAgainstArmenia() throws Exception {
        assertAlerted("2022-09-13-border-shelling.txt", "AZE->ARM");
    }

    @Test
    void shouldAlertSanctionsOnRussiaAsImposedOnRussia() throws Exception {
        List<Alert> alerts = alerts("2022-02-25-eu-sanctions.txt");
        assertThat(alerts).as(describe(alerts)).isNotEmpty()
                .allSatisfy(a -> assertThat(a.getDyad()).as(describe(alerts)).endsWith("->RUS"));
    }

    @Test
    void shouldAlertTheSeizureOfATankerAsIranAgainstBritain() throws Exception {
        assertAlerted("2019-07-19-tanker-seized.txt", "IRN->GBR");
    }

    @Test
    void shouldAlertSeveredRelationsAsMoroccoAgainstIran() throws Exception {
        assertAlerted("2018-05-01-relations-severed.txt", "MAR->IRN");
    }

    @Test
    void shouldAlertAWarningOfForcefulMeasuresAsChinaAgainstTheUnitedStates() throws Exception {
        assertAlerted("2022-08-02-forceful-measures.txt", "CHN->USA");
    }

    @Test
    void shouldAlertTroopsOrderedIntoATerritoryAsRussiaAgainstUkraine() throws Exception {
        assertAlerted("2022-02-21-troops-ordered-in.txt", "RUS->UKR");
    }

    @Test
    void shouldNotAlertAPromiseThatTroopsWillNotFight() throws Exception {
        assertQuiet("2022-02-24-no-troops-to-fight.txt");
    }

    @Test
    void shouldNotAlertTheAnniversaryOfAnAnnexation() throws Exception {
        assertQuiet("2022-03-18-crimea-anniversary.txt");
    }

    @Test
    void shouldNotAlertANormalisationAgreementThatSuspendsAnnexationPlans() throws Exception {
        assertQuiet("2020-08-13-normalisation.txt");
    }

    @Test
    void shouldNotAlertAFootballMatch() throws Exception {
        assertQuiet("2021-07-11-football-final.txt");
    }

    @Test
    void shouldNotAlertAPoliticalAttackOnABudget() throws Exception {
        assertQuiet("2023-04-05-budget-attack.txt");
    }

    @Test
    void shouldNotAlertADeniedShelling() throws Exception {
        assertQuiet("2019-10-10-shelling-denied.txt");
    }

    @Test
    void shouldNotAlertAHypotheticalQuestion() throws Exception {
        assertQuiet("2022-01-20-would-china-invade.txt");
    }

    @Test
    void shouldNotAlertAnInvasionThirtyYearsAgoRecalledAtTalks() throws Exception {
        assertQuiet("2020-08-02-gulf-war-history.txt");
    }

    @Test
    void shouldKeepAnAccusationTheAccusersAndNeverTurnItIntoTheAccusersThreat() throws Exception {
        List<Alert> alerts = alerts("2022-09-14-accusation.txt");
        assertThat(alerts).as(describe(alerts)).allSatisfy(a -> assertThat(a.getEvidence())
                .noneMatch(s -> "ARM".equals(s.getSource()) && s.getCategory() == PloverCategory.THREATEN));
    }
}
