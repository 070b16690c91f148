package io.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.ingest.ReadResult;
import io.wirewatch.ingest.StoryReader;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Test helper for the fault and scale-out tests: a steady stream of distinct stories made from the bundled samples,
 * and the exactly-once check of what the pipeline made of them. Two of the six samples raise one alert each under
 * the default rules and four stay quiet, so every copy of an alerting sample must give exactly one alert.
 */
final class StoryStream {

    /** The samples that raise an alert under the default rules (the README's two). */
    static final Set<String> ALERTING = Set.of("2022-01-26-ap-no-concessions.txt",
            "2022-02-10-conditional-threat.txt");

    private final List<Story> stories;
    private final Set<String> alerting;

    private StoryStream(List<Story> stories, Set<String> alerting) {
        this.stories = stories;
        this.alerting = alerting;
    }

    /** {@code count} stories, copies of the samples in turn, each with its own id and no near-duplicate cluster. */
    static StoryStream of(int count, Path folder) {
        List<Path> samples = Samples.extractTo(folder);
        List<Story> stories = new ArrayList<>();
        List<String> alerting = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path sample = samples.get(i % samples.size());
            Story story = ((ReadResult.Read) StoryReader.read(sample, Clock.systemUTC())).story();
            Story copy = Story.newBuilder(story).setId(String.format("%s-copy-%05d", story.getId(), i))
                    .setClusterId(null).build();
            stories.add(copy);
            if (ALERTING.contains(sample.getFileName().toString())) {
                alerting.add(copy.getId());
            }
        }
        return new StoryStream(stories, Set.copyOf(alerting));
    }

    int size() {
        return stories.size();
    }

    /**
     * Writes the stories to {@code news.stories.raw} at about {@code perSecond}, calling {@code beforeEach} with the
     * index of each story before it is sent (a test's hook to break something mid-stream), and waits for every
     * acknowledgement.
     */
    void produce(String bootstrap, int perSecond, IntConsumer beforeEach) throws Exception {
        long gapNanos = Duration.ofSeconds(1).toNanos() / perSecond;
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(),
                Topics.STORIES_RAW.valueSerde().serializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            long next = System.nanoTime();
            for (int i = 0; i < stories.size(); i++) {
                beforeEach.accept(i);
                Story story = stories.get(i);
                sent.add(producer.send(new ProducerRecord<>(Topics.STORIES_RAW.name(), story.getId(), story)));
                // After a pause in the hook, go on at the rate rather than catching up in a burst.
                next = Math.max(next + gapNanos, System.nanoTime() - gapNanos);
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
            producer.flush();
            for (Future<RecordMetadata> ack : sent) {
                ack.get(2, java.util.concurrent.TimeUnit.MINUTES);
            }
        }
    }

    /**
     * Reads the enriched stories and alerts with {@code read_committed} and checks that every story was enriched
     * exactly once and every alerting story raised exactly one alert, and nothing else came out.
     */
    void assertEachEnrichedAndAlertedExactlyOnce(String bootstrap) {
        List<ConsumerRecord<String, EnrichedStory>> enriched = KafkaProbe.readAll(bootstrap,
                Topics.STORIES_ENRICHED.name(), Topics.STORIES_ENRICHED.valueSerde().deserializer());
        Map<String, Long> enrichedPerStory = counts(enriched, ConsumerRecord::key);
        assertThat(enrichedPerStory.keySet()).as("stories enriched")
                .containsExactlyInAnyOrderElementsOf(stories.stream().map(Story::getId).toList());
        assertThat(enrichedPerStory).as("enrichments per story").allSatisfy((id, n) ->
                assertThat(n).as(id).isEqualTo(1L));

        List<ConsumerRecord<String, Alert>> alerts = KafkaProbe.readAll(bootstrap, Topics.ALERTS.name(),
                Topics.ALERTS.valueSerde().deserializer());
        Map<String, Long> alertsPerStory = counts(alerts, r -> r.value().getStoryId());
        assertThat(alertsPerStory.keySet()).as("stories that raised an alert")
                .containsExactlyInAnyOrderElementsOf(alerting);
        assertThat(alertsPerStory).as("alerts per story").allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));

        List<ConsumerRecord<String, String>> json = KafkaProbe.readAll(bootstrap, Topics.ALERTS_JSON.name(),
                Topics.ALERTS_JSON.valueSerde().deserializer());
        assertThat(json).extracting(ConsumerRecord::key).as("JSON alerts")
                .containsExactlyInAnyOrderElementsOf(alerts.stream().map(ConsumerRecord::key).toList());
    }

    private static <V> Map<String, Long> counts(List<ConsumerRecord<String, V>> records,
                                                Function<ConsumerRecord<String, V>, String> key) {
        return records.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }
}
