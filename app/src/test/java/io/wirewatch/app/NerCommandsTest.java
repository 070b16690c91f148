package io.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NerCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldTrainAModelThatEvalThenScoresWithATokenByTokenOutput() throws Exception {
        Path conll = fixture();
        Path model = dir.resolve("models/tiny.model.gz");
        Path tagged = dir.resolve("tagged.txt");

        int trained = run(new TrainNerCommand(), "--conll", conll.toString(), "--out", model.toString(),
                "--epochs", "10", "--folds", "1");
        int scored = run(new EvalNerCommand(), "--conll", conll.toString(), "--model", model.toString(),
                "--output", tagged.toString());

        assertThat(trained).as(err.toString()).isZero();
        assertThat(scored).as(err.toString()).isZero();
        assertThat(model).isRegularFile();
        assertThat(out.toString()).contains("trained on 40 sentences").contains("overall").contains("PER");
        List<String> lines = Files.readAllLines(tagged);
        assertThat(lines.get(0)).isEqualTo("Tessa B-PER B-PER");
        assertThat(lines).contains("");
    }

    @Test
    void shouldScoreWithTheBundledModelByDefault() throws Exception {
        int code = run(new EvalNerCommand(), "--conll", fixture().toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("processed 522 tokens in 40 sentences").contains("overall");
    }

    @Test
    void shouldSayWhichFileItCannotRead() {
        int code = run(new EvalNerCommand(), "--conll", dir.resolve("missing.conll").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read CoNLL file").contains("missing.conll");
    }

    @Test
    void shouldSayWhereTheTrainingFileIsMalformed() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.conll"), "Blinken PERSON\n");

        int code = run(new TrainNerCommand(), "--conll", bad.toString(), "--out", dir.resolve("m.gz").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("bad.conll:1").contains("PERSON");
    }

    private int run(Object command, String... args) {
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(NerCommandsTest.class.getResource("tiny-ner.conll")).toURI());
    }
}
