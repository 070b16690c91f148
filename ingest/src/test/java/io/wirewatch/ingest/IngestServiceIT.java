package io.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.broker.EmbeddedBroker;
import io.wirewatch.schema.DateSource;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingests a folder of story files into {@code news.stories.raw} on the real embedded broker and reads it back. */
class IngestServiceIT {

    @TempDir
    Path brokerDir;

    @TempDir
    Path stories;

    @Test
    void shouldProduceEachStoryOnceKeyedByStableIdEvenAcrossRunsAndReportBadFiles() throws Exception {
        // four wire stories of the golden folder (two of them the same story as text and as a page)
        for (String name : List.of("seed-page.html", "seed-text.txt", "wire-afp-denial.html",
                "wire-reuters-talks.html")) {
            Files.copy(GoldenStoryTest.goldenFolder().resolve(name), stories.resolve(name));
        }
        Files.write(stories.resolve("broken.html.gz"), "this is not gzip".getBytes(StandardCharsets.UTF_8));
        Files.writeString(stories.resolve("empty.txt"), "\n\n", StandardCharsets.UTF_8);

        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(brokerDir, 0))) {
            IngestService.Config config = new IngestService.Config(broker.bootstrapServers(), Map.of(),
                    GoldenStoryTest.CLOCK);
            IngestReport first;
            try (IngestService service = new IngestService(config)) {
                List<Integer> progress = new ArrayList<>();
                first = service.ingest(List.of(stories), (done, total, file) -> {
                    assertThat(total).isEqualTo(6);
                    progress.add(done);
                });
                assertThat(progress).containsExactly(1, 2, 3, 4, 5, 6);
                // the same folder again in the same run: every story is now an exact duplicate
                IngestReport again = service.ingest(List.of(stories));
                assertThat(again.produced()).isZero();
                assertThat(again.duplicates()).isEqualTo(again.read());
            }
            // seed-text.txt and seed-page.html carry the same story: one of them is a duplicate
            assertThat(first.read()).isEqualTo(4);
            assertThat(first.duplicates()).isEqualTo(1);
            assertThat(first.produced()).isEqualTo(3);
            assertThat(first.failures()).extracting(IngestReport.Failure::source)
                    .containsExactlyInAnyOrder(stories.resolve("broken.html.gz").toString(),
                            stories.resolve("empty.txt").toString());
            assertThat(first.failures()).extracting(IngestReport.Failure::reason)
                    .anySatisfy(reason -> assertThat(reason).contains("gzip"))
                    .anySatisfy(reason -> assertThat(reason).contains("no story text"));

            List<ConsumerRecord<String, Story>> firstRun = readAll(broker.bootstrapServers(), 3);
            assertThat(firstRun).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().getId()));
            // three different stories: each is the first of its own near-duplicate cluster
            assertThat(firstRun).allSatisfy(r -> assertThat(r.value().getClusterId()).isEqualTo(r.value().getId()));
            assertThat(firstRun).extracting(r -> r.value().getTitle()).contains(
                    "There are no concessions to Russia in the US response",
                    "Norway offers to host talks on Arctic fishing dispute",
                    "Kremlin denies plan to close embassy");

            // a second run (a new service, as after a restart) knows the archive from news.stories.index
            try (IngestService service = new IngestService(config)) {
                IngestReport second = service.ingest(List.of(stories));
                assertThat(second.produced()).isZero();
                assertThat(second.duplicates()).isEqualTo(second.read()).isEqualTo(4);
            }
            assertThat(readAll(broker.bootstrapServers(), 3)).as("the archive after the second run").hasSize(3);
        }
    }

    @Test
    void shouldNeitherLoseNorDoubleAStoryWhenRestartedOnItsIndexAfterAnotherIngesterWrote(@TempDir Path index)
            throws Exception {
        for (String name : List.of("seed-text.txt", "wire-afp-denial.html")) {
            Files.copy(GoldenStoryTest.goldenFolder().resolve(name), stories.resolve(name));
        }
        Path later = Files.createDirectories(brokerDir.resolve("later"));
        Files.copy(GoldenStoryTest.goldenFolder().resolve("wire-reuters-talks.html"),
                later.resolve("wire-reuters-talks.html"));
        Files.copy(GoldenStoryTest.goldenFolder().resolve("seed-page.html"), later.resolve("seed-page.html"));
        Path fresh = Files.createDirectories(brokerDir.resolve("fresh"));
        Files.writeString(fresh.resolve("2022-02-11-fishing.txt"), "Norway and Russia agree on cod quota\n\n"
                + "Norway and Russia agreed on the cod quota for the Barents Sea after three days of talks in Oslo,"
                + " officials of both delegations said on Friday.\n", StandardCharsets.UTF_8);

        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(brokerDir.resolve("kafka"), 0))) {
            IngestService.Config config = new IngestService.Config(broker.bootstrapServers(), Map.of(),
                    GoldenStoryTest.CLOCK).withIndexDir(index);
            try (IngestService first = new IngestService(config)) {
                assertThat(first.ingest(List.of(stories)).produced()).isEqualTo(2);
            }
            // another ingester (its own temporary index) writes while this one is stopped
            try (IngestService other = new IngestService(new IngestService.Config(broker.bootstrapServers(),
                    Map.of(), GoldenStoryTest.CLOCK))) {
                IngestReport report = other.ingest(List.of(later));
                assertThat(report.produced()).as("seed-page.html is seed-text.txt again").isEqualTo(1);
                assertThat(report.duplicates()).isEqualTo(1);
            }
            long endBeforeRestart = indexEnd(broker.bootstrapServers());
            // restarted on its index: it reads what the other wrote, knows all, and writes only the new story
            try (IngestService restarted = new IngestService(config)) {
                IngestReport again = restarted.ingest(List.of(stories, later));
                assertThat(again.produced()).isZero();
                assertThat(again.duplicates()).isEqualTo(again.read()).isEqualTo(4);
                assertThat(restarted.ingest(List.of(fresh)).produced()).isEqualTo(1);
            }
            List<ConsumerRecord<String, Story>> archive = readAll(broker.bootstrapServers(), 4);
            assertThat(archive).extracting(ConsumerRecord::key).hasSize(4).doesNotHaveDuplicates();
            try (IndexStore store = IndexStore.open(index).store()) {
                assertThat(archive).allSatisfy(r -> assertThat(store.hasId(r.key())).isTrue());
                assertThat(store.offset(0)).as("read up to the end of the index topic")
                        .isEqualTo(endBeforeRestart);
            }

            // a corrupt index is rebuilt from the topic (with a warning): still nothing lost, nothing doubled
            Files.writeString(index.resolve("db").resolve("CURRENT"), "garbage", StandardCharsets.UTF_8);
            try (IngestService rebuilt = new IngestService(config)) {
                IngestReport report = rebuilt.ingest(List.of(stories, later, fresh));
                assertThat(report.produced()).isZero();
                assertThat(report.duplicates()).isEqualTo(5);
            }
            assertThat(readAll(broker.bootstrapServers(), 4)).hasSize(4);
        }
    }

    /** The end offset of the index topic's single partition. */
    /**
     * The end of the index topic once no transaction is open on it: a producer's commit returns before the
     * coordinator has written the commit marker, which takes an offset of its own (reading the end at once made
     * this test fail now and then, 10 against 11).
     */
    private static long indexEnd(String bootstrap) throws InterruptedException {
        var partition = new org.apache.kafka.common.TopicPartition(Topics.STORIES_INDEX.name(), 0);
        try (var all = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringDeserializer(), new StringDeserializer());
             var committed = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     bootstrap, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                     new StringDeserializer())) {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (true) {
                long end = all.endOffsets(List.of(partition)).get(partition);
                long stable = committed.endOffsets(List.of(partition)).get(partition);
                if (end == stable || System.nanoTime() > deadline) {
                    return end;
                }
                Thread.sleep(50);
            }
        }
    }

    @Test
    void shouldNameAStoryWithoutADateAndGiveTheSpanOfEventTimesWritten() throws Exception {
        Files.copy(GoldenStoryTest.goldenFolder().resolve("seed-page.html"), stories.resolve("seed-page.html"));
        Files.writeString(stories.resolve("undated.txt"), "Kremlin warns of response\n\nMoscow will respond to any"
                + " deployment, a spokesman said.\n", StandardCharsets.UTF_8);

        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(brokerDir, 0));
             IngestService service = new IngestService(new IngestService.Config(broker.bootstrapServers(), Map.of(),
                     GoldenStoryTest.CLOCK))) {
            IngestReport report = service.ingest(List.of(stories));

            assertThat(report.produced()).isEqualTo(2);
            assertThat(report.undated()).singleElement().satisfies(undated -> {
                assertThat(undated.source()).isEqualTo(stories.resolve("undated.txt").toString());
                assertThat(undated.reason()).isEqualTo("no publication date found: placed at the time it was read,"
                        + " 2022-02-10T12:00:00Z");
            });
            assertThat(report.dateSources()).containsExactly(Map.entry(DateSource.PUBLISHED, 1),
                    Map.entry(DateSource.READ, 1));
            List<Story> written = readAll(broker.bootstrapServers(), 2).stream().map(ConsumerRecord::value).toList();
            assertThat(written).filteredOn(story -> story.getPublishedAt() == null).singleElement()
                    .satisfies(story -> assertThat(story.getDateSource()).as("marked, not silently read time")
                            .isEqualTo(DateSource.READ));
            Story seed = written.stream().filter(story -> story.getPublishedAt() != null).findFirst().orElseThrow();
            assertThat(report.eventTimes()).isEqualTo(new IngestReport.Span(seed.getPublishedAt(),
                    java.time.Instant.parse("2022-02-10T12:00:00Z")));
        }
    }

    @Test
    void shouldDateAStoryWithoutADateByTheDateOptionAndMarkItAsTheFiles() throws Exception {
        Files.writeString(stories.resolve("undated.txt"), "Kremlin warns of response\n\nMoscow will respond to any"
                + " deployment, a spokesman said.\n", StandardCharsets.UTF_8);

        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(brokerDir, 0));
             IngestService service = new IngestService(new IngestService.Config(broker.bootstrapServers(), Map.of(),
                     GoldenStoryTest.CLOCK))) {
            IngestReport report = service.ingest(List.of(stories), IngestService.Progress.NONE,
                    java.time.LocalDate.parse("2022-02-01"));

            assertThat(report.undated()).isEmpty();
            assertThat(report.dateSources()).containsExactly(Map.entry(DateSource.FILE, 1));
            assertThat(readAll(broker.bootstrapServers(), 1)).singleElement().satisfies(record -> {
                assertThat(record.value().getPublishedAt()).isEqualTo(java.time.Instant.parse("2022-02-01T00:00:00Z"));
                assertThat(record.value().getPublishedLocal()).isEqualTo("2022-02-01");
                assertThat(record.value().getDateSource()).isEqualTo(DateSource.FILE);
                assertThat(record.timestamp()).as("event time").isEqualTo(1_643_673_600_000L);
            });
        }
    }

    @Test
    void shouldPutACopyIngestedByALaterRunInTheClusterOfTheOriginal(@TempDir Path later) throws Exception {
        Path original = GoldenStoryTest.goldenFolder().resolve("seed-text.txt");
        String text = Files.readString(original, StandardCharsets.UTF_8);
        Path copy = later.resolve("republished.txt");
        // a republisher's copy: same story, its own credit line at the end
        Files.writeString(copy, text.strip() + "\n\nThis story was republished with permission.\n",
                StandardCharsets.UTF_8);

        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(brokerDir, 0))) {
            IngestService.Config config = new IngestService.Config(broker.bootstrapServers(), Map.of(),
                    GoldenStoryTest.CLOCK);
            try (IngestService first = new IngestService(config)) {
                assertThat(first.ingest(List.of(original)).produced()).isEqualTo(1);
            }
            try (IngestService second = new IngestService(config)) {
                assertThat(second.ingest(List.of(copy)).produced()).isEqualTo(1);
            }
            List<ConsumerRecord<String, Story>> archive = readAll(broker.bootstrapServers(), 2);
            assertThat(archive).hasSize(2);
            Story originalStory = archive.stream().map(ConsumerRecord::value)
                    .filter(story -> story.getSource().endsWith("seed-text.txt")).findFirst().orElseThrow();
            Story copyStory = archive.stream().map(ConsumerRecord::value)
                    .filter(story -> story.getSource().endsWith("republished.txt")).findFirst().orElseThrow();
            assertThat(copyStory.getId()).isNotEqualTo(originalStory.getId());
            assertThat(copyStory.getClusterId()).as("cluster of the copy").isEqualTo(originalStory.getId());
        }
    }

    private static List<ConsumerRecord<String, Story>> readAll(String bootstrap, int expected) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "ingest-it-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), Topics.STORIES_RAW.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.STORIES_RAW.name()));
            List<ConsumerRecord<String, Story>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
            // one more short poll proves there is nothing beyond what was expected
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            return records;
        }
    }
}
