package io.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The eval commands on tiny labelled folders of our own, laid out like the real benchmarks. */
class EvalCommandsTest {

    @TempDir
    Path dir;

    private static final String[] TALKS = {
        "Norway offered on Wednesday to host talks between fishing nations that have quarrelled for months over quotas.",
        "Foreign Minister Ingrid Solberg said invitations had gone out to delegations from the European Union.",
        "The European Commission said it welcomed the offer and would study it before giving any answer at all."};
    private static final String[] DENIAL = {
        "The Kremlin on Thursday denied a newspaper report that Russia was preparing to close an embassy abroad.",
        "No such decision has been taken or discussed, the Kremlin spokesman told journalists at his daily briefing.",
        "Relations between Moscow and its neighbours have been strained for years, with expulsions on both sides."};

    @Test
    void shouldScoreAPerfectExtractionAsF1One() throws Exception {
        Files.createDirectories(dir.resolve("html"));
        CommandTestSupport.gzip(dir.resolve("html/a.html.gz"), CommandTestSupport.page("Talks", "OSLO (Reuters) -", TALKS));
        CommandTestSupport.gzip(dir.resolve("html/b.html.gz"), CommandTestSupport.page("Denial", "MOSCOW (AFP) —", DENIAL));
        Files.writeString(dir.resolve("ground-truth.json"), "{"
                + "\"a\": {\"url\": \"https://x.example/a\", \"articleBody\": \"OSLO (Reuters) - " + String.join("\\n\\n", TALKS) + "\"},"
                + "\"b\": {\"url\": \"https://x.example/b\", \"articleBody\": \"MOSCOW (AFP) — " + String.join("\\n\\n", DENIAL) + "\"}}",
                StandardCharsets.UTF_8);

        var run = CommandTestSupport.run(new EvalCommand(), "extraction", "--data", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("precision=1.000 recall=1.000 F1=1.000");
    }

    @Test
    void shouldCountADateOnTheWrongDayAsAMiss() throws Exception {
        Files.createDirectories(dir.resolve("html"));
        CommandTestSupport.gzip(dir.resolve("html/a.html.gz"), CommandTestSupport.page("Talks", "OSLO -", TALKS));
        CommandTestSupport.gzip(dir.resolve("html/b.html.gz"), CommandTestSupport.page("Denial", "MOSCOW -", DENIAL));
        Files.writeString(dir.resolve("labels.json"), "{"
                + "\"https://x.example/a\": {\"file\": \"a.html\", \"date\": \"2022-01-26\"},"
                + "\"https://x.example/b\": {\"file\": \"b.html\", \"date\": \"2022-01-27\"}}", StandardCharsets.UTF_8);

        var run = CommandTestSupport.run(new EvalCommand(), "dates", "--data", dir.toString(), "--misses", "5");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("accuracy=0.500 (1 of 2 pages").contains("https://x.example/b expected 2022-01-27");
    }

    @Test
    void shouldReadPeopleAsActorsOnlyWhenAskedToRunTheNameFinder() throws Exception {
        // no title before the name: a title ("Mayor") would give the person its country, and the eval scores
        // actors by country
        Files.writeString(dir.resolve("gold.json"), "[{\"id\": \"T-AGREE-1\", \"event\": \"AGREE\","
                + " \"source\": [{\"code\": \"UKR\"}], \"text\": \"Ihor Terekhov agreed on Monday to reopen"
                + " the schools of Kharkiv.\"}]", StandardCharsets.UTF_8);

        var alone = CommandTestSupport.run(new EvalCommand(), "events", "--data", dir.resolve("gold.json").toString(),
                "--output", dir.resolve("alone.jsonl").toString());
        var withFinder = CommandTestSupport.run(new EvalCommand(), "events", "--data",
                dir.resolve("gold.json").toString(), "--output", dir.resolve("finder.jsonl").toString(),
                "--name-finder");

        assertThat(alone.exitCode()).isZero();
        assertThat(withFinder.exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("alone.jsonl"))).doesNotContain("PER:IHOR_TEREKHOV");
        assertThat(Files.readString(dir.resolve("finder.jsonl"))).contains("\"source\":\"PER:IHOR_TEREKHOV\"");
    }

    @Test
    void shouldExplainAFolderWithoutGroundTruth() {
        var run = CommandTestSupport.run(new EvalCommand(), "extraction", "--data", dir.toString());
        assertThat(run.exitCode()).isNotZero();
    }
}
