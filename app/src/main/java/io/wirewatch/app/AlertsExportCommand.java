package io.wirewatch.app;

import io.wirewatch.alerts.web.ActorDirectory;
import io.wirewatch.alerts.web.AlertFilter;
import io.wirewatch.alerts.web.Exports;
import io.wirewatch.alerts.web.StoryQuery;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch alerts export}: the alerts on {@code news.alerts} (or, with {@code --stories}, the enriched stories
 * on {@code news.stories.enriched}) that pass a filter, as CSV or JSON lines, oldest first. Reads each topic from
 * its beginning to its end as the command starts.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the alerts (or, with --stories, the stories) of a filter as CSV or JSON lines.",
                "Actors may be given by code or name (RUS, Russia, Lavrov), any case; an unknown name is refused"
                        + " with the closest names."})
final class AlertsExportCommand implements Callable<Integer> {

    private static final Duration POLL = Duration.ofMillis(500);

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    @Option(names = "--format", paramLabel = "csv|jsonl", description = "csv (RFC 4180, the default) or jsonl.")
    String format = "csv";

    @Option(names = "--from", paramLabel = "DAY|TIME", description = "Stories published on or after this day or instant.")
    @Nullable String from;

    @Option(names = "--to", paramLabel = "DAY|TIME",
            description = "Stories published up to this day (inclusive) or before this instant.")
    @Nullable String to;

    @Option(names = "--actor", paramLabel = "NAME|CODE", description = "Only alerts or stories naming this actor.")
    @Nullable String actor;

    @Option(names = "--min-severity", paramLabel = "S", description = "Only alerts at least this severe.")
    @Nullable String minSeverity;

    @Option(names = "--stories", description = "Export stories (from news.stories.enriched) instead of alerts.")
    boolean stories;

    @Option(names = "--words", paramLabel = "WORDS", description = "With --stories: only stories holding every word.")
    @Nullable String words;

    @Option(names = "--quiet-only", description = "With --stories: only quiet stories (no signals).")
    boolean quietOnly;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    @Nullable Path output;

    @Override
    public Integer call() throws IOException {
        Exports.Format chosen = Exports.Format.parse(format);
        ActorDirectory actors = ActorNames.directory(null);
        AlertFilter filter = AlertFilter.parse(minSeverity, actor, from, to, actors);
        if (!stories && (words != null || quietOnly)) {
            throw new IllegalArgumentException("--words and --quiet-only choose stories: give --stories as well");
        }
        if (stories && minSeverity != null) {
            throw new IllegalArgumentException("--min-severity chooses alerts: leave it out with --stories");
        }
        Writer file = output == null ? null : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
        Writer out = file == null ? spec.commandLine().getOut() : file;
        try {
            int written;
            if (stories) {
                StoryQuery query = new StoryQuery(words == null ? List.of() : StoryQuery.wordsOf(words),
                        filter.actors(), filter.from(), filter.to(),
                        quietOnly ? StoryQuery.Signals.NONE : StoryQuery.Signals.ANY);
                AvroSerde<EnrichedStory> serde = AvroSerde.of(EnrichedStory.class);
                Map<String, EnrichedStory> byId = new LinkedHashMap<>();
                readAll(Topics.STORIES_ENRICHED.name(), bytes -> {
                    EnrichedStory story = serde.decode(bytes);
                    if (query.test(story)) {
                        byId.put(story.getStory().getId(), story);
                    }
                });
                List<EnrichedStory> found = new ArrayList<>(byId.values());
                found.sort(Comparator.comparing((EnrichedStory s) -> StoryQuery.time(s.getStory()))
                        .thenComparing(s -> s.getStory().getId()));
                Exports.stories(found, chosen, out);
                written = found.size();
            } else {
                AvroSerde<Alert> serde = AvroSerde.of(Alert.class);
                List<Alert> found = new ArrayList<>();
                readAll(Topics.ALERTS.name(), bytes -> {
                    Alert alert = serde.decode(bytes);
                    if (filter.test(alert)) {
                        found.add(alert);
                    }
                });
                Exports.alerts(found, chosen, out);
                written = found.size();
            }
            PrintWriter err = spec.commandLine().getErr();
            err.printf("%d %s exported%s%n", written, stories ? "stories" : "alerts",
                    output == null ? "" : " to " + output.toAbsolutePath());
            err.flush();
        } finally {
            if (file != null) {
                file.close();
            }
        }
        return 0;
    }

    /** Every record of {@code topic} from its beginning to its end as of now; undecodable ones are named. */
    private void readAll(String topic, Consumer<byte[]> each) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist on " + kafka.bootstrapServers);
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.value() == null) {
                        continue;
                    }
                    try {
                        each.accept(record.value());
                    } catch (RuntimeException e) {
                        spec.commandLine().getErr().println("skipped undecodable record " + record.topic() + "-"
                                + record.partition() + "@" + record.offset() + ": " + e.getMessage());
                    }
                }
            }
        }
    }
}
