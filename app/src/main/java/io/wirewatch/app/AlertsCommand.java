package io.wirewatch.app;

import io.wirewatch.alerts.AlertsService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirewatch alerts}: the alert service and dashboard alone, against a real cluster. */
@Command(name = "alerts", mixinStandardHelpOptions = true, subcommands = {AlertsTailCommand.class, AlertsExportCommand.class},
        description = "Run the alert service (rules, news.alerts, dashboard, REST, SSE) against a Kafka cluster"
                + " until Ctrl-C.")
final class AlertsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    @Mixin
    SubscriptionOptions subscriptions = new SubscriptionOptions();

    @Option(names = "--application-id", defaultValue = "wirewatch-alerts",
            description = "Kafka Streams application id (default: ${DEFAULT-VALUE}).")
    String applicationId = "wirewatch-alerts";

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "data/streams/alerts",
            description = "Local state folder (default: ${DEFAULT-VALUE}).")
    Path stateDir = Path.of("data/streams/alerts");

    @Option(names = "--http-host", defaultValue = "127.0.0.1",
            description = "Address the dashboard binds (default: ${DEFAULT-VALUE}; 0.0.0.0 in a container).")
    String httpHost = "127.0.0.1";

    @Option(names = "--http-port", defaultValue = "8080", description = "Dashboard port (default: ${DEFAULT-VALUE}).")
    int httpPort = 8080;

    @Option(names = "--rules", paramLabel = "FILE", description = "Alert rules file (default: the bundled rules).")
    @Nullable Path rulesFile;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        AlertsService service = AlertsService.start(new AlertsService.Config(kafka.bootstrapServers, applicationId,
                stateDir, httpHost, httpPort, kafka.clientProperties(), rulesFile, Clock.systemUTC()),
                subscriptions.options().withActors(ActorNames.directory(null)));
        spec.commandLine().getOut().println("dashboard " + service.dashboardUri());
        spec.commandLine().getOut().flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "alerts-shutdown"));
        stopped.await();
        return 0;
    }
}
