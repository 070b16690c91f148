package io.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --kb FILE}: a user's knowledge base extends the bundled one, and a bad line stops the command at once. */
class KbOptionTest {

    @TempDir
    Path dir;

    @Test
    void shouldResolveAPersonOnlyTheUsersKnowledgeBaseKnows() throws Exception {
        Path story = dir.resolve("story.txt");
        Files.writeString(story, "Envoy warns of response\n\nKESTRIA – Arvid Quellmark, the envoy of Norway,"
                + " warned on Monday that Oslo would take retaliatory measures against Denmark.\n");
        Path kb = dir.resolve("mine.tsv");
        Files.writeString(kb, "# our own people\nperson\tPER:ARVID_QUELLMARK\tname=Arvid Quellmark\t"
                + "surnames=Quellmark\tgender=m\tcountry=NOR\tsector=diplomatic\n");

        Result without = run("tag", story.toString());
        Result with = run("tag", "--kb", kb.toString(), story.toString());

        assertThat(without.code()).isZero();
        assertThat(country(without.out(), "Arvid Quellmark")).isEmpty(); // a name, but nobody's envoy
        assertThat(with.code()).as(with.err()).isZero();
        assertThat(country(with.out(), "Arvid Quellmark")).isEqualTo("NOR");
    }

    @Test
    void shouldRefuseABadLineWithTheFileLineAndReason() throws Exception {
        Path story = dir.resolve("story.txt");
        Files.writeString(story, "Nothing happened today.\n");
        Path kb = dir.resolve("bad.tsv");
        Files.writeString(kb, "# ok so far\nperson\tPER:NOBODY\tname=No Body\tgender=x\tcountry=NOR\n");

        Result result = run("tag", "--kb", kb.toString(), story.toString());

        assertThat(result.code()).isNotZero();
        assertThat(result.err()).contains(kb + ":2:").doesNotContain("Exception");
        assertThat(result.out()).isEmpty();
    }

    private static String country(String json, String name) throws Exception {
        for (JsonNode entity : new ObjectMapper().readTree(json).path("entities")) {
            if (entity.path("text").asText().equals(name)) {
                return entity.path("country").asText("");
            }
        }
        throw new AssertionError(name + " not tagged in " + json);
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
