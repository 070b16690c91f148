package io.wirewatch.app;

import io.wirewatch.ingest.IngestReport;
import io.wirewatch.ingest.IngestService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirewatch ingest PATH...}: read story files and folders into news.stories.raw on any Kafka. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest story files (.txt, .html, .html.gz) and folders into news.stories.raw.")
final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders (searched recursively).")
    List<Path> paths = List.of();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (IngestService ingest = new IngestService(new IngestService.Config(kafka.bootstrapServers,
                kafka.clientProperties(), Clock.systemUTC()))) {
            IngestReport report = ingest.ingest(paths);
            out.printf("read %d, produced %d, duplicates %d, failed %d%n", report.read(), report.produced(),
                    report.duplicates(), report.failures().size());
            report.failures().forEach(failure -> spec.commandLine().getErr().println("  failed: " + failure));
            return report.failures().isEmpty() ? 0 : 2;
        }
    }
}
