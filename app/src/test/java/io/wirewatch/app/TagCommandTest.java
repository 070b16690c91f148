package io.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TagCommandTest {

    private static String tagFromStdin(String text) {
        TagCommand command = new TagCommand();
        command.stdin = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        CommandTestSupport.Run run = CommandTestSupport.run(command, "-");
        assertThat(run.exitCode()).isZero();
        return run.out();
    }

    @Test
    void shouldAnalyseOneSentenceGivenOnStandardInput() {
        String json = tagFromStdin("Russian Foreign Minister Sergei Lavrov said Moscow would take retaliatory"
                + " measures against NATO.\n");

        assertThat(json).contains("\"title\" : \"\"", "Sergei Lavrov", "\"source\" : \"RUS\"",
                "retaliatory measures");
    }

    @Test
    void shouldKeepTheFirstLineAsTitleWhenAStoryWithABodyIsGivenOnStandardInput() {
        String json = tagFromStdin("Lavrov warns NATO\n\nSergei Lavrov said Moscow would take retaliatory"
                + " measures against NATO.\n");

        assertThat(json).contains("\"title\" : \"Lavrov warns NATO\"", "retaliatory measures");
    }

    @Test
    void shouldTagInAFreshProcessWhereNothingHasTrustedTheRecordClassesYet() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "tag", "-")
                .redirectErrorStream(true).start();
        try (var in = process.getOutputStream()) {
            in.write("Russia warned Ukraine on Monday.\n".getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("\"title\" : \"\"").doesNotContain("not trusted");
    }
}
