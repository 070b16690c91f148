package io.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.Story;
import io.wirewatch.schema.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * What reaches news.stories.raw and news.stories.index: a story and its index records in one transaction, so that
 * a reader with read_committed sees both or neither (MockProducer's history holds committed records only).
 */
class StoryProducerTest {

    private static final int MAX_REQUEST_SIZE = 64 * 1024;

    private final MockProducer<String, byte[]> kafka = new MockProducer<>(false, null, new StringSerializer(),
            new ByteArraySerializer());

    private StoryProducer producer() {
        return new StoryProducer(kafka, new NewStories(), MAX_REQUEST_SIZE, 0);
    }

    private static Story story(String id, String text) {
        return Story.newBuilder().setId(id).setSource("test").setTitle("t").setFetchedAt(Instant.EPOCH)
                .setParagraphs(List.of(text)).setContentHash("hash-" + id).build();
    }

    private List<String> committed(String topic) {
        return kafka.history().stream().filter(r -> r.topic().equals(topic)).map(ProducerRecord::key).toList();
    }

    @Test
    void shouldCommitAStoryTogetherWithItsIndexRecords() {
        StoryProducer stories = producer();
        StoryProducer.Batch batch = stories.batch();
        batch.offer("a.html", story("a", "first story"));

        assertThat(kafka.history()).as("nothing is visible before the transaction commits").isEmpty();
        IngestReport report = batch.finish();

        assertThat(report.produced()).isEqualTo(1);
        assertThat(kafka.transactionCommitted()).isTrue();
        assertThat(committed(Topics.STORIES_RAW.name())).containsExactly("a");
        assertThat(committed(Topics.STORIES_INDEX.name())).containsExactlyInAnyOrder("id:a", "hash:hash-a", "sim:a");
    }

    @Test
    void shouldLeaveNeitherStoryNorIndexWhenKilledBeforeTheCommit() {
        StoryProducer.Batch batch = producer().batch();
        batch.offer("a.html", story("a", "first story"));
        // the process dies here: the broker aborts the open transaction (its timeout, or the next ingester's
        // initTransactions with the same transactional.id)

        assertThat(kafka.transactionInFlight()).isTrue();
        assertThat(kafka.history()).isEmpty();
    }

    @Test
    void shouldAbortTheTransactionOfAFailedWriteAndIndexNothingOfIt() {
        StoryProducer stories = producer();
        StoryProducer.Batch batch = stories.batch();
        batch.offer("a.html", story("a", "first story"));
        batch.offer("b.html", story("b", "another story entirely"));
        kafka.errorNext(new RecordTooLargeException("the request included a message larger than the max"));

        IngestReport report = batch.finish();

        assertThat(kafka.transactionAborted()).isTrue();
        assertThat(kafka.history()).isEmpty();
        assertThat(report.produced()).isZero();
        assertThat(report.failures()).extracting(IngestReport.Failure::source).containsExactly("a.html", "b.html");
        assertThat(report.failures()).allSatisfy(f ->
                assertThat(f.reason()).contains("news.stories.raw", "RecordTooLargeException"));
    }

    @Test
    void shouldOfferAStoryAgainAfterItsTransactionFailed() {
        StoryProducer stories = producer();
        StoryProducer.Batch first = stories.batch();
        first.offer("a.html", story("a", "first story"));
        kafka.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker away"));
        first.finish();

        StoryProducer.Batch second = stories.batch();
        second.offer("a.html", story("a", "first story"));
        IngestReport report = second.finish();

        assertThat(report.duplicates()).isZero();
        assertThat(report.produced()).isEqualTo(1);
        assertThat(committed(Topics.STORIES_INDEX.name())).containsExactlyInAnyOrder("id:a", "hash:hash-a", "sim:a");
    }

    @Test
    void shouldRefuseAStoryLargerThanTheMaximumRequestBeforeSendingIt() {
        StoryProducer stories = producer();
        StoryProducer.Batch batch = stories.batch();
        batch.offer("huge.html", story("huge", "x".repeat(MAX_REQUEST_SIZE)));

        IngestReport report = batch.finish();

        assertThat(kafka.history()).isEmpty();
        assertThat(report.produced()).isZero();
        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo("huge.html");
            assertThat(f.reason()).contains("huge", "max.request.size", Integer.toString(MAX_REQUEST_SIZE),
                    "news.stories.raw");
        });
    }

    @Test
    void shouldCountEveryStoryOfASourceThatGivesMany() {
        StoryProducer stories = producer();
        StoryProducer.Batch batch = stories.batch();
        batch.offer("crawl.warc", story("w1", "one story from the archive"));
        batch.offer("crawl.warc", story("w2", "a second story from the same archive"));

        assertThat(batch.finish().produced()).isEqualTo(2);
        assertThat(committed(Topics.STORIES_RAW.name())).containsExactly("w1", "w2");
    }
}
