package io.wirewatch.app.faults;

import io.wirewatch.alerts.rules.RuleSet;
import io.wirewatch.alerts.rules.RulesFile;
import io.wirewatch.nlp.Enrichers;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.StanceChange;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch bench faults}: exactly-once under crashes. Generates stories, computes what the pipeline must
 * end with by backtest, runs a broker, two enrich instances, the alert service and an ingester as separate OS
 * processes, kills one of them with SIGKILL at seeded random moments and starts it again, and when everything is
 * drained compares every output topic (read_committed) with the oracle. Exits 1 on any difference.
 */
@Command(name = "faults", mixinStandardHelpOptions = true,
        description = {"Kill pipeline processes (enrich, alerts, ingest, the broker) with SIGKILL at seeded random"
                + " moments, restart them, and compare the outputs with a backtest of the same stories.",
                "Prints one line of counts; exits 1 when anything was lost, duplicated or different."})
public final class BenchFaultsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--stories", paramLabel = "N", defaultValue = "1000",
            description = "Stories to generate and ingest (default: ${DEFAULT-VALUE}).")
    int stories = 1000;

    @Option(names = "--kills", paramLabel = "K", defaultValue = "10",
            description = "SIGKILLs, each followed by a restart (default: ${DEFAULT-VALUE}).")
    int kills = 10;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the stories, the victims and the moments (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "40",
            description = "Stories the ingester writes per second (default: ${DEFAULT-VALUE}).")
    double rate = 40;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "1",
            description = "Partitions of every topic (default: ${DEFAULT-VALUE}; see the README on why more"
                    + " partitions make stance changes and alerts depend on arrival order).")
    int partitions = 1;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the kills, the counts and the first"
            + " differences to this file.")
    @Nullable Path report;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where the processes keep data and logs"
            + " (default: a new temporary folder).")
    @Nullable Path workDir;

    @Option(names = "--drain-timeout", paramLabel = "SECONDS", defaultValue = "1800",
            description = "At most this long to wait for the pipeline to drain after the last kill (default:"
                    + " ${DEFAULT-VALUE}).")
    long drainTimeoutSeconds = 1800;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (kills < 0 || rate <= 0 || partitions < 1) {
            throw new IllegalArgumentException("--kills must be >= 0, --rate > 0 and --partitions >= 1");
        }
        Path work = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("wirewatch-faults");
        long began = System.nanoTime();
        FaultStories generated = FaultStories.generate(stories, seed, Instant.now());
        Path file = generated.writeTo(work.resolve("stories.jsonl"));
        RuleSet rules = RulesFile.loadDefault();
        Oracle oracle = Oracle.of(file, rules, Enrichers.standard(Clock.systemUTC()), Clock.systemUTC());
        out.printf(Locale.ROOT, "oracle: %d stories, %d alerts, %d stance changes, %d dead letters (%.1f s); work in"
                        + " %s%n", oracle.stories().size(), oracle.result().alerts().size(),
                oracle.result().stanceChanges().size(), oracle.result().deadLetters().size(), seconds(began), work);
        out.flush();

        FaultRun run = new FaultRun(work, file, freePort(), partitions, rate, new Random(seed), out);
        List<String> killLog;
        Verdict verdict;
        try {
            run.start();
            long ingestSeconds = (long) Math.ceil(oracle.stories().size() / rate);
            killLog = run.killAndRestart(kills, Duration.ofSeconds(Math.max(ingestSeconds, 10)));
            run.drain(Duration.ofSeconds(drainTimeoutSeconds));
            verdict = verdict(oracle, run.bootstrap());
        } finally {
            run.close();
        }
        String line = verdict.line(killLog.size());
        out.println(line);
        out.printf(Locale.ROOT, "(%.0f s in all; ingester runs %d; logs in %s)%n", seconds(began), run.ingestRuns(),
                work);
        verdict.examples().forEach(example -> out.println("  " + example));
        out.flush();
        if (report != null) {
            List<String> lines = new ArrayList<>();
            lines.add("wirewatch bench faults --stories " + stories + " --kills " + kills + " --seed " + seed
                    + " --rate " + rate + " --partitions " + partitions);
            lines.addAll(killLog);
            lines.add(line);
            lines.addAll(verdict.examples());
            Files.write(report, lines, StandardCharsets.UTF_8);
        }
        return verdict.exact() ? 0 : 1;
    }

    private static Verdict verdict(Oracle oracle, String bootstrap) {
        AvroSerde<Story> storySerde = AvroSerde.of(Story.class);
        AvroSerde<StanceChange> changeSerde = AvroSerde.of(StanceChange.class);
        AvroSerde<Alert> alertSerde = AvroSerde.of(Alert.class);
        List<Story> raw = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : TopicContents.read(bootstrap, Topics.STORIES_RAW.name())) {
            raw.add(storySerde.decode(record.value()));
        }
        List<String> enriched = TopicContents.read(bootstrap, Topics.STORIES_ENRICHED.name()).stream()
                .map(ConsumerRecord::key).toList();
        List<StanceChange> changes = TopicContents.read(bootstrap, Topics.STANCE_CHANGES.name()).stream()
                .map(record -> changeSerde.decode(record.value())).toList();
        List<Alert> alerts = TopicContents.read(bootstrap, Topics.ALERTS.name()).stream()
                .map(record -> alertSerde.decode(record.value())).toList();
        int dead = TopicContents.read(bootstrap, Topics.DLQ.name()).size();
        return Verdict.of(oracle, raw, enriched, changes, alerts, dead);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    static int freePortOrFail() {
        try {
            return freePort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot find a free port on 127.0.0.1", e);
        }
    }
}
