package io.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.Story;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest's memory does not grow with the archive: 50,000 stories (200,000 with {@code -Dindex.stories=200000})
 * admitted and written through an on-disk index leave under 8 MiB of heap, where the same stories held in memory
 * (the backtest's way, and ingest's before) take about 21 MiB (76 MiB for 200,000). Heap is measured as used after
 * full collections, not time. On the shared 2-core machine each story costs about 1 ms in the on-disk index, so the
 * default is the smaller archive.
 */
class IndexStoreMemoryTest {

    private static final int STORIES = Integer.getInteger("index.stories", 50_000);
    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void shouldHoldTheIndexOfManyStoriesInBoundedHeap() {
        long before = heapAfterGc();
        try (IndexStore store = IndexStore.open(dir).store()) {
            NewStories admitted = new NewStories(store);
            admitAll(admitted, true);
            long retained = heapAfterGc() - before;
            System.out.printf("heap retained by the on-disk index of %,d stories: %.1f MiB%n", STORIES,
                    retained / (double) MIB);

            assertThat(admitted.inMemory()).as("stories held in memory once written").isZero();
            assertThat(retained).as("heap retained, bytes").isLessThan(8 * MIB);
            // and the index still knows every story: a second offer of any of them is a duplicate
            for (int i = 0; i < STORIES; i += 997) {
                assertThat(admitted.admit(story(i))).as("story %d again", i).isNull();
            }
        }
    }

    @Test
    void shouldShowTheSameStoriesHeldInMemoryTakeMoreThanTheBound() {
        // the control: proves the measure above can see an index that grows with the archive
        long before = heapAfterGc();
        NewStories admitted = new NewStories();
        admitAll(admitted, false);
        long retained = heapAfterGc() - before;
        System.out.printf("heap retained by the in-memory index of %,d stories: %.1f MiB%n", STORIES,
                retained / (double) MIB);

        assertThat(admitted.inMemory()).isEqualTo(STORIES);
        assertThat(retained).isGreaterThan(STORIES * 300L);
    }

    private static void admitAll(NewStories admitted, boolean written) {
        List<NewStories.Written> transaction = new ArrayList<>();
        for (int i = 0; i < STORIES; i++) {
            Story story = story(i);
            NewStories.Admitted admission = admitted.admit(story);
            assertThat(admission).as("story %d", i).isNotNull();
            transaction.add(new NewStories.Written(story, admission));
            if (transaction.size() == StoryProducer.MAX_PER_TRANSACTION) {
                if (written) {
                    admitted.written(transaction);
                }
                transaction.clear();
            }
        }
        if (written) {
            admitted.written(transaction);
        }
    }

    /** Story {@code i}: ids and hashes as long as real ones (32 and 64 hex digits), its own text. */
    private static Story story(int i) {
        String id = String.format("%032x", i * 2_654_435_761L);
        return Story.newBuilder().setId(id).setSource("synthetic").setTitle("t").setFetchedAt(Instant.EPOCH)
                .setParagraphs(List.of("story " + i + " of the synthetic archive, number " + Integer.toHexString(i)
                        + " about " + (i % 977) + " and " + (i % 1013)))
                .setContentHash(String.format("%064x", i * 40_503L)).build();
    }

    private static long heapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
