package io.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.enrich.EnrichService;
import io.wirewatch.enrich.EnrichTopology;
import io.wirewatch.nlp.Enrichers;
import io.wirewatch.schema.TopicAdmin;
import io.wirewatch.schema.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Scale-out under load: while stories stream in, a second enrichment instance with the same application id
 * joins; the work rebalances onto it, and every story is still enriched once and every alert raised once.
 * Against a real apache/kafka container; skipped where there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class SecondEnrichInstanceIT {

    private static final Logger LOG = LoggerFactory.getLogger(SecondEnrichInstanceIT.class);
    private static final int STORIES = 240;
    private static final String SECOND = "enrich-second";
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Container
    static final KafkaContainer KAFKA = KafkaContainers.broker();

    @TempDir
    static Path dataDir;

    private static Pipeline pipeline;
    private static final AtomicReference<EnrichService> second = new AtomicReference<>();

    @AfterAll
    static void stop() {
        if (second.get() != null) {
            second.get().close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void shouldShareTheWorkWithASecondInstanceStartedMidStreamAndEnrichEachStoryOnce() throws Exception {
        long started = System.nanoTime();
        String bootstrap = KAFKA.getBootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicAdmin.ensureTopics(admin, Topics.all(), (short) 1);
        }
        pipeline = Pipeline.startOn(bootstrap, new Pipeline.Config(dataDir.resolve("data"), 0, "127.0.0.1", 0, null,
                Clock.systemUTC()), Duration.ofSeconds(120));
        LOG.info("pipeline running after {} s", seconds(started));

        StoryStream stream = StoryStream.of(STORIES, dataDir.resolve("samples"));
        // The second instance starts after a third of the stories and loads its models while the first one works,
        // as a new process would; the last third is written only once it holds partitions, so the rebalance
        // happens mid-stream and stories keep coming after it.
        CompletableFuture<EnrichService> joining = new CompletableFuture<>();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            stream.produce(bootstrap, 40, i -> {
                if (i == STORIES / 3) {
                    LOG.info("starting a second enrich instance after {} stories", i);
                    CompletableFuture.runAsync(() -> {
                        try {
                            EnrichService service = EnrichService.start(new EnrichService.Config(bootstrap,
                                    EnrichService.DEFAULT_APPLICATION_ID, dataDir.resolve("second"),
                                    Map.of("client.id", SECOND, "num.stream.threads", 1),
                                    EnrichTopology.Config.defaults(Enrichers.withKb(null, Clock.systemUTC()))));
                            second.set(service);
                            joining.complete(service);
                        } catch (RuntimeException e) {
                            joining.completeExceptionally(e);
                        }
                    });
                } else if (i == 2 * STORIES / 3) {
                    Awaitility.await("the second instance holds raw-story partitions").atMost(PATIENCE)
                            .pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                                assertThat(joining).as("second instance started").isCompleted();
                                assertThat(joining.join().isRunning()).as("second instance RUNNING").isTrue();
                                assertThat(rawPartitionsOf(admin, SECOND)).as("raw partitions of the second")
                                        .isNotEmpty();
                                assertThat(rawPartitionsOf(admin, EnrichService.DEFAULT_APPLICATION_ID))
                                        .as("raw partitions the first instance kept").isNotEmpty();
                            });
                    LOG.info("rebalanced after {} stories, {} s: the second instance holds {}", i,
                            seconds(started), rawPartitionsOf(admin, SECOND));
                }
            });
        }
        LOG.info("{} stories written after {} s", STORIES, seconds(started));
        assertThat(joining.join().isRunning()).as("second instance still RUNNING").isTrue();
        KafkaProbe.awaitCaughtUp(bootstrap, EnrichService.DEFAULT_APPLICATION_ID, Topics.STORIES_RAW.name(),
                PATIENCE);
        KafkaProbe.awaitCaughtUp(bootstrap, "wirewatch-alerts", Topics.STORIES_ENRICHED.name(), PATIENCE);
        LOG.info("pipeline caught up after {} s", seconds(started));

        Awaitility.await("every story enriched and alerted exactly once").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> stream.assertEachEnrichedAndAlertedExactlyOnce(bootstrap));
        LOG.info("checked after {} s", seconds(started));
    }

    /** The partitions of {@code news.stories.raw} assigned to the group members whose client id starts so. */
    private static List<TopicPartition> rawPartitionsOf(Admin admin, String clientIdPrefix) {
        ConsumerGroupDescription group;
        try {
            group = admin.describeConsumerGroups(List.of(EnrichService.DEFAULT_APPLICATION_ID)).all().get()
                    .get(EnrichService.DEFAULT_APPLICATION_ID);
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot describe the enrich group", e);
        }
        return group.members().stream().filter(m -> m.clientId().startsWith(clientIdPrefix))
                .map(MemberDescription::assignment).map(a -> a.topicPartitions()).flatMap(Collection::stream)
                .filter(p -> p.topic().equals(Topics.STORIES_RAW.name())).toList();
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }
}
