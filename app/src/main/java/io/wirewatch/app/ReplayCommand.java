package io.wirewatch.app;

import io.wirewatch.app.archive.ArchiveReader;
import io.wirewatch.schema.Topics;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch replay}: feeds archived stories from {@code news.stories.raw} (by event time) through the
 * pipeline again, via {@code news.stories.replay}, so that enrichment and alerts see them anew while the
 * archive stays as it was. Records are copied byte for byte with their keys, headers and timestamps.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Feed archived stories (news.stories.raw, by event time) through the pipeline again.")
final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    @Option(names = "--from", required = true, converter = TimeConverter.class, paramLabel = "TIME",
            description = "First event time to replay (2022-01-26, 2022-01-26T18:00 or an ISO instant; UTC).")
    Instant from = Instant.EPOCH;

    @Option(names = "--to", converter = TimeConverter.class, paramLabel = "TIME",
            description = "Replay stories before this time (default: everything up to now).")
    Instant to = Instant.now();

    @Option(names = "--speed", paramLabel = "X", defaultValue = "0",
            description = "Replay at X times the original pace (e.g. 3600 = an hour a second); 0, the default,"
                    + " replays as fast as possible.")
    double speed;

    @Override
    public Integer call() throws InterruptedException {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("--to (" + to + ") must be after --from (" + from + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> producerProps = new HashMap<>(kafka.clientProperties());
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers);
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        ArchiveReader archive = new ArchiveReader(kafka.bootstrapServers, kafka.clientProperties());
        long began = System.nanoTime();
        long replayed;
        try (var producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
             ProgressBar bar = new ProgressBarBuilder().setTaskName("replay").setStyle(ProgressBarStyle.ASCII)
                     .setUnit(" records", 1).showSpeed().build()) {
            replayed = archive.read(from, to, bar::maxHint, bar::step, record -> {
                pace(record.timestamp(), began);
                producer.send(new ProducerRecord<>(Topics.STORIES_REPLAY.name(), null, record.timestamp(),
                        record.key(), record.value(), record.headers()));
            });
            producer.flush();
        }
        out.printf("Replayed %d stories from %s to %s into %s.%n", replayed, from, to, Topics.STORIES_REPLAY.name());
        return 0;
    }

    private void pace(long eventTime, long beganNanos) throws InterruptedException {
        if (speed <= 0) {
            return;
        }
        long due = beganNanos + (long) ((eventTime - from.toEpochMilli()) * 1_000_000L / speed);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
        }
    }
}
