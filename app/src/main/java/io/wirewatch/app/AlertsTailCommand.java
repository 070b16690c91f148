package io.wirewatch.app;

import io.wirewatch.alerts.web.ActorDirectory;
import io.wirewatch.alerts.web.AlertFilter;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.Severity;
import io.wirewatch.schema.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirewatch alerts tail}: print alerts from news.alerts as JSON lines, as they arrive. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Print alerts as JSON lines as they arrive (Ctrl-C stops).")
final class AlertsTailCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    @Option(names = "--min-severity", paramLabel = "S",
            description = "Only alerts at least this severe: ${COMPLETION-CANDIDATES}.")
    @Nullable Severity minSeverity;

    @Option(names = "--actor", paramLabel = "NAME|CODE",
            description = "Only alerts naming this actor, by code or name, any case (e.g. RUS, NATO, Russia, Lavrov).")
    @Nullable String actor;

    private AlertFilter filter = AlertFilter.ALL;

    @Option(names = "--from-beginning", description = "Start at the oldest alert instead of new ones only.")
    boolean fromBeginning;

    @Option(names = "--exit-at-end", hidden = true, description = "Stop once caught up (for scripts and tests).")
    boolean exitAtEnd;

    @Override
    public Integer call() {
        filter = AlertFilter.parse(minSeverity == null ? null : minSeverity.name(), actor, null, null,
                actor == null ? ActorDirectory.CODES_ONLY : ActorNames.directory(null));
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "wirewatch-tail-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        AtomicBoolean running = new AtomicBoolean(true);
        try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                Topics.ALERTS.valueSerde().deserializer())) {
            Thread main = Thread.currentThread();
            Thread hook = new Thread(() -> {
                running.set(false);
                consumer.wakeup();
                try {
                    main.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "tail-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            consumer.subscribe(List.of(Topics.ALERTS.name()));
            int idlePolls = 0;
            while (running.get()) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, Alert> record : records) {
                    if (matches(record.value())) {
                        out.println(AvroJson.toJson(record.value()));
                    }
                }
                out.flush();
                idlePolls = records.isEmpty() && !consumer.assignment().isEmpty() ? idlePolls + 1 : 0;
                if (exitAtEnd && idlePolls >= 4) {
                    break;
                }
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops us
            }
        } catch (WakeupException stopped) {
            // Ctrl-C
        }
        return 0;
    }

    boolean matches(Alert alert) {
        return filter.test(alert);
    }
}
