package io.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./wirewatch run} as a user starts it, in the background of a non-interactive shell (which starts a
 * background job with SIGINT ignored): its console holds wirewatch's own lines only (Kafka's and Jetty's go to the
 * log file under the data folder), and {@code kill -INT} stops it, within a bound, leaving a cleanly shut-down broker.
 * Runs the jar {@code package} built (the launcher rebuilds nothing when it is newer than the sources).
 */
class RunConsoleAndSigintIT {

    private static final Duration READY = Duration.ofMinutes(4);
    private static final Duration STOP = Duration.ofSeconds(60);
    /** What `run` itself prints, line by line (RunCommand); anything else on the console is a leak. */
    private static final List<Pattern> OWN_LINES = List.of(
            Pattern.compile("wirewatch is running \\(ready in [0-9.]+ s\\)"),
            Pattern.compile("  dashboard   http://127\\.0\\.0\\.1:\\d+/"),
            Pattern.compile("  alerts API  http://127\\.0\\.0\\.1:\\d+/api/alerts"),
            Pattern.compile("  Kafka       127\\.0\\.0\\.1:\\d+  \\(e\\.g\\. kcat .*\\)"),
            Pattern.compile("  data        /.*"),
            Pattern.compile("  log         /.*/logs/wirewatch\\.log  \\(Kafka and Jetty; --verbose shows them here\\)"),
            Pattern.compile("Ingested 6 sample stories \\(0 duplicates, 0 failures\\)\\."),
            Pattern.compile("Press Ctrl-C to stop\\."));

    @TempDir
    Path dir;

    @Test
    void shouldKeepTheConsoleToItsOwnLinesAndStopOnSigintWhenStartedInTheBackground() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path launcher = root.resolve("wirewatch");
        assumeThat(Files.isExecutable(launcher)).as("the launcher at " + launcher).isTrue();
        assumeThat(Files.exists(root.resolve("app/target/wirewatch.jar"))).as("the packaged jar").isTrue();
        Path data = dir.resolve("data");
        String command = "'" + launcher + "' run --data-dir '" + data + "' --kafka-port " + freePort()
                + " --http-port " + freePort() + " & echo \"pid $!\"; wait $!";
        Process shell = new ProcessBuilder("bash", "-c", command).directory(root.toFile()).start();
        List<String> out = new CopyOnWriteArrayList<>();
        List<String> err = new CopyOnWriteArrayList<>();
        Thread outReader = drain(shell.getInputStream(), out);
        Thread errReader = drain(shell.getErrorStream(), err);
        try {
            Awaitility.await("the run's banner and its samples").atMost(READY).pollInterval(Duration.ofSeconds(1))
                    .until(() -> out.contains("Press Ctrl-C to stop.") || !shell.isAlive());
            assertThat(shell.isAlive()).as("run is up; stdout %s, stderr %s", out, err).isTrue();
            long pid = Long.parseLong(out.get(0).substring("pid ".length()));

            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(shell.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)).as("stopped within " + STOP).isTrue();
            outReader.join(5_000);
            errReader.join(5_000);

            assertThat(shell.exitValue()).as("the JVM's status after SIGINT").isEqualTo(130);
            assertThat(ProcessHandle.of(pid)).as("the JVM is gone").isEmpty();
            assertThat(err).as("stderr").isEmpty();
            assertThat(out.subList(1, out.size())).as("stdout").allSatisfy(line -> assertThat(OWN_LINES)
                    .as("a line of wirewatch's own: %s", line).anyMatch(p -> p.matcher(line).matches()));
            assertThat(out).hasSize(1 + OWN_LINES.size());
            assertThat(Files.readString(data.resolve("logs/wirewatch.log"))).as("the log lines went to the file")
                    .contains("Embedded Kafka broker ready");
            assertThat(data.resolve("kafka/.kafka_cleanshutdown")).as("the broker shut down cleanly").exists();
        } finally {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly();
        }
    }

    private static Thread drain(InputStream stream, List<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(reading failed: " + e + ")");
            }
        }, "run-console-reader");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
