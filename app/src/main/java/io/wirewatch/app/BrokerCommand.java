package io.wirewatch.app;

import io.wirewatch.broker.EmbeddedBroker;
import io.wirewatch.schema.Topic;
import io.wirewatch.schema.Topics;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch broker}: the embedded single-node KRaft broker alone, as its own process, with the topic
 * catalogue; for running the services as separate processes on one machine (and for killing the broker under
 * them, as {@code bench faults} does). Ctrl-C (SIGTERM) stops it cleanly; its data survives in {@code --data-dir}.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run the embedded single-node Kafka broker (KRaft) alone, with the wirewatch topics, until"
                + " Ctrl-C. Replication factor 1; for one machine, not for production.")
final class BrokerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where the broker keeps its logs; reuse it to keep topics and offsets (default:"
                    + " ${DEFAULT-VALUE}).")
    Path dataDir = Path.of("data");

    @Option(names = "--kafka-port", paramLabel = "N", defaultValue = "9092",
            description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int kafkaPort = 9092;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Create the catalogue's topics with N partitions each instead of their own counts"
                    + " (default: the catalogue's). Only topics created by this start are affected.")
    int partitions;

    @Override
    public Integer call() throws Exception {
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions must be positive (or 0: the catalogue's), was "
                    + partitions);
        }
        Files.createDirectories(dataDir);
        List<Topic<?, ?>> topics = partitions == 0 ? Topics.all() : Topics.all().stream()
                .<Topic<?, ?>>map(topic -> withPartitions(topic, partitions)).toList();
        EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(dataDir, kafkaPort).withTopics(topics));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println(BrokerReady.LINE + broker.bootstrapServers() + " (data in " + dataDir.toAbsolutePath() + ")");
        out.flush();
        stopped.await();
        return 0;
    }

    private static <K, V> Topic<K, V> withPartitions(Topic<K, V> topic, int partitions) {
        return new Topic<>(topic.name(), topic.keySerde(), topic.valueSerde(), partitions, topic.config(),
                topic.purpose());
    }
}
