package io.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.ingest.dedup.NearDuplicates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk index: lookups on demand, the same near-duplicate choice as in memory, and unusable stores. */
class IndexStoreTest {

    @TempDir
    Path dir;

    @Test
    void shouldFindIdsHashesAndBandNeighboursItWasGiven() {
        try (IndexStore store = IndexStore.open(dir).store()) {
            store.file(List.of(new StoryIndex.Id("a"), new StoryIndex.Hash("h-a"), new StoryIndex.Sim(0x1234L, "a"),
                    new StoryIndex.Other(), new StoryIndex.Malformed("bad")));

            assertThat(store.hasId("a")).isTrue();
            assertThat(store.hasId("h-a")).as("ids and hashes are apart").isFalse();
            assertThat(store.hasHash("h-a")).isTrue();
            assertThat(store.hasHash("a")).isFalse();
            for (long band : NearDuplicates.bandKeys(0x1234L, NewStories.MAX_DISTANCE)) {
                List<String> found = new ArrayList<>();
                store.forEachWithBand(band, (cluster, fingerprint) -> found.add(cluster + "@" + fingerprint));
                assertThat(found).containsExactly("a@" + 0x1234L);
            }
            List<String> none = new ArrayList<>();
            store.forEachWithBand(NearDuplicates.bandKeys(~0x1234L, NewStories.MAX_DISTANCE)[0],
                    (cluster, fingerprint) -> none.add(cluster));
            assertThat(none).isEmpty();
        }
        try (IndexStore again = IndexStore.open(dir).store()) {
            assertThat(again.hasId("a")).as("kept across a restart").isTrue();
        }
    }

    @Test
    void shouldClusterStoriesKeptOnDiskExactlyAsStoriesHeldInMemory() {
        // 3,000 stories: a third are near copies (1 to 4 bits flipped) of an earlier one, so ties and misses occur
        Random random = new Random(13);
        List<Long> fingerprints = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            long fingerprint = random.nextLong();
            if (i > 0 && random.nextInt(3) == 0) {
                fingerprint = fingerprints.get(random.nextInt(i));
                for (int flip = random.nextInt(4) + 1; flip > 0; flip--) {
                    fingerprint ^= 1L << random.nextInt(64);
                }
            }
            fingerprints.add(fingerprint);
        }
        NearDuplicates memory = new NearDuplicates(NewStories.MAX_DISTANCE);
        try (IndexStore store = IndexStore.open(dir).store()) {
            NearDuplicates disk = new NearDuplicates(NewStories.MAX_DISTANCE, store);
            int copies = 0;
            for (int i = 0; i < fingerprints.size(); i++) {
                String id = String.format("s%05d", fingerprints.size() - i);
                NearDuplicates.Assignment inMemory = memory.add(id, fingerprints.get(i));
                NearDuplicates.Assignment onDisk = disk.add(id, fingerprints.get(i));
                assertThat(onDisk).as("story %d", i).isEqualTo(inMemory);
                copies += inMemory.copy() ? 1 : 0;
                // as after a commit: the story moves to the store and leaves memory
                store.file(List.of(new StoryIndex.Sim(fingerprints.get(i), onDisk.clusterId())));
                assertThat(disk.drop(fingerprints.get(i), onDisk.clusterId())).isTrue();
            }
            assertThat(copies).isGreaterThan(500);
        }
    }

    @Test
    void shouldRebuildACorruptStoreAndSayWhy() throws Exception {
        try (IndexStore store = IndexStore.open(dir).store()) {
            store.file(List.of(new StoryIndex.Id("a")));
        }
        Files.writeString(dir.resolve("db").resolve("CURRENT"), "garbage", StandardCharsets.UTF_8);

        IndexStore.Opened opened = IndexStore.open(dir);
        try (IndexStore store = opened.store()) {
            assertThat(opened).isInstanceOfSatisfying(IndexStore.Rebuilt.class,
                    rebuilt -> assertThat(rebuilt.reason()).startsWith("it cannot be opened (").contains("CURRENT"));
            assertThat(store.hasId("a")).as("empty, to be read again from the topic").isFalse();
            assertThat(store.offset(0)).isZero();
        }
    }

    @Test
    void shouldRebuildAStoreOfAnotherFormat() throws Exception {
        try (IndexStore store = IndexStore.open(dir).store()) {
            store.file(List.of(new StoryIndex.Id("a")));
        }
        Files.writeString(dir.resolve(IndexStore.MARKER), "wirewatch ingest index, format 0\n");

        IndexStore.Opened opened = IndexStore.open(dir);
        try (IndexStore store = opened.store()) {
            assertThat(opened).isInstanceOfSatisfying(IndexStore.Rebuilt.class,
                    rebuilt -> assertThat(rebuilt.reason()).contains("another format", "format 0"));
            assertThat(store.hasId("a")).isFalse();
        }
        assertThat(IndexStore.open(dir)).as("rebuilt in the current format").isInstanceOf(IndexStore.Kept.class)
                .satisfies(opened2 -> opened2.store().close());
    }

    @Test
    void shouldRefuseAndKeepADirectoryThatIsNotAnIndex() throws Exception {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "mine");

        assertThatThrownBy(() -> IndexStore.open(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("not an ingest index");
        assertThat(notes).hasContent("mine");
        assertThatThrownBy(() -> IndexStore.open(notes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a file");
    }

    @Test
    void shouldRefuseAStoreThatAnotherProcessHoldsOpen() {
        try (IndexStore store = IndexStore.open(dir).store()) {
            store.file(List.of(new StoryIndex.Id("a")));
            assertThatThrownBy(() -> IndexStore.open(dir)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
            assertThat(store.hasId("a")).isTrue();
        }
    }

    @Test
    void shouldReadThroughTheSharedRocksDbBudgetItWasGiven() {
        long budget = 12L << 20;
        try (IndexStore one = IndexStore.open(dir.resolve("one"), budget).store();
             IndexStore two = IndexStore.open(dir.resolve("two"), budget).store();
             IndexStore byDefault = IndexStore.open(dir.resolve("default")).store()) {
            assertThat(one.blockCacheCapacity()).isEqualTo(budget);
            assertThat(two.blockCacheCapacity()).isEqualTo(budget);
            assertThat(byDefault.blockCacheCapacity()).isEqualTo(64L << 20);
        }
    }
}
