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
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** What reaches news.stories.index: only stories that news.stories.raw acknowledged. */
class StoryProducerTest {

    private static final int MAX_REQUEST_SIZE = 64 * 1024;

    private final MockProducer<String, Story> raw = new MockProducer<>(false, null, new StringSerializer(),
            Topics.STORIES_RAW.valueSerde().serializer());
    private final MockProducer<String, String> index = new MockProducer<>(true, null, new StringSerializer(),
            new StringSerializer());

    private StoryProducer producer() {
        return new StoryProducer(raw, index, new StoryIndex(Set.of(), Set.of(), Map.of()), MAX_REQUEST_SIZE);
    }

    private static Story story(String id, String text) {
        return Story.newBuilder().setId(id).setSource("test").setTitle("t").setFetchedAt(Instant.EPOCH)
                .setParagraphs(List.of(text)).setContentHash("hash-" + id).build();
    }

    private List<String> indexKeys() {
        return index.history().stream().map(ProducerRecord::key).toList();
    }

    @Test
    void shouldNotIndexAStoryWhoseWriteFailed() {
        StoryProducer stories = producer();
        StoryProducer.Batch batch = stories.batch();
        batch.offer("a.html", story("a", "first story"));
        batch.offer("b.html", story("b", "another story entirely"));
        raw.errorNext(new RecordTooLargeException("the request included a message larger than the max"));
        raw.completeNext();

        IngestReport report = batch.finish();

        assertThat(report.produced()).isEqualTo(1);
        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo("a.html");
            assertThat(f.reason()).contains("news.stories.raw", "RecordTooLargeException");
        });
        assertThat(indexKeys()).containsExactlyInAnyOrder("id:b", "hash:hash-b", "sim:b");
    }

    @Test
    void shouldOfferAStoryAgainAfterItsWriteFailed() {
        StoryProducer stories = producer();
        StoryProducer.Batch first = stories.batch();
        first.offer("a.html", story("a", "first story"));
        raw.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker away"));
        first.finish();

        StoryProducer.Batch second = stories.batch();
        second.offer("a.html", story("a", "first story"));
        raw.completeNext();
        IngestReport report = second.finish();

        assertThat(report.duplicates()).isZero();
        assertThat(report.produced()).isEqualTo(1);
        assertThat(indexKeys()).containsExactlyInAnyOrder("id:a", "hash:hash-a", "sim:a");
    }

    @Test
    void shouldRefuseAStoryLargerThanTheMaximumRequestBeforeSendingIt() {
        StoryProducer stories = producer();
        StoryProducer.Batch batch = stories.batch();
        batch.offer("huge.html", story("huge", "x".repeat(MAX_REQUEST_SIZE)));

        IngestReport report = batch.finish();

        assertThat(raw.history()).isEmpty();
        assertThat(index.history()).isEmpty();
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
        raw.completeNext();
        raw.completeNext();

        assertThat(batch.finish().produced()).isEqualTo(2);
    }
}
