package io.wirewatch.ingest;

import io.wirewatch.ingest.dedup.NearDuplicates;
import io.wirewatch.ingest.dedup.SimHash;
import io.wirewatch.schema.Story;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides which stories are new, the same way for {@code ingest} and {@code backtest}: a story with the id or the
 * content hash of a story admitted before is an exact duplicate and is dropped; any other story is admitted and
 * put in its near-duplicate cluster (SimHash within {@value #MAX_DISTANCE} bits: copies of one syndicated story
 * share the first copy's id as their cluster). Stories of earlier runs are looked up in an {@link Archive}; the
 * stories admitted here are held in memory until {@link #written} hands them to the archive, so with an archive
 * that keeps them (ingest's {@link IndexStore}) memory holds at most the stories of one open transaction. Not
 * thread-safe.
 */
public final class NewStories {

    /** Near-duplicates differ in at most this many bits of their SimHash. */
    static final int MAX_DISTANCE = 3;

    /** A story that was admitted: its text fingerprint and the cluster it was put in. */
    public record Admitted(long fingerprint, String clusterId, boolean copy) {
        public Admitted {
            Objects.requireNonNull(clusterId, "clusterId");
        }
    }

    /** A story that was written for good: what the archive keeps of it. */
    record Written(String id, String contentHash, long fingerprint, String clusterId) {
        Written(Story story, Admitted admitted) {
            this(story.getId(), story.getContentHash(), admitted.fingerprint(), admitted.clusterId());
        }
    }

    /** What earlier runs wrote, looked up on demand. */
    interface Archive extends NearDuplicates.Earlier {
        /** Knows nothing and keeps nothing: every story stays in memory (the backtest). */
        Archive NONE = new Archive() {
            @Override
            public boolean hasId(String id) {
                return false;
            }

            @Override
            public boolean hasHash(String contentHash) {
                return false;
            }

            @Override
            public boolean keep(List<Written> stories) {
                return false;
            }

            @Override
            public void forEachWithBand(long bandKey, java.util.function.ObjLongConsumer<String> each) {
            }
        };

        boolean hasId(String id);

        boolean hasHash(String contentHash);

        /** Keeps stories written for good; false when it did not (they must then stay in memory). */
        boolean keep(List<Written> stories);
    }

    private final Archive earlier;
    private final Set<String> ids = new HashSet<>();
    private final Set<String> hashes = new HashSet<>();
    private final NearDuplicates clusters;

    /** Knows nothing yet, and keeps everything it admits in memory. */
    public NewStories() {
        this(Archive.NONE);
    }

    /** Knows the stories of earlier runs from {@code earlier}. */
    NewStories(Archive earlier) {
        this.earlier = Objects.requireNonNull(earlier, "earlier");
        this.clusters = new NearDuplicates(MAX_DISTANCE, earlier);
    }

    /**
     * Admits {@code story} and sets its cluster id, or returns null when it is an exact duplicate of a story
     * admitted before (and leaves it unchanged).
     */
    public @Nullable Admitted admit(Story story) {
        String id = story.getId();
        String hash = story.getContentHash();
        if (ids.contains(id) || hashes.contains(hash) || earlier.hasId(id) || earlier.hasHash(hash)) {
            return null;
        }
        ids.add(id);
        hashes.add(hash);
        long fingerprint = SimHash.of(String.join("\n\n", story.getParagraphs()));
        NearDuplicates.Assignment cluster = clusters.add(id, fingerprint);
        story.setClusterId(cluster.clusterId());
        return new Admitted(fingerprint, cluster.clusterId(), cluster.copy());
    }

    /** Hands stories written for good to the archive; those it keeps leave memory. */
    void written(List<Written> stories) {
        if (stories.isEmpty() || !earlier.keep(stories)) {
            return;
        }
        for (Written story : stories) {
            ids.remove(story.id());
            hashes.remove(story.contentHash());
            clusters.drop(story.fingerprint(), story.clusterId());
        }
    }

    /** Lets a story whose write failed or was refused be admitted again; no later story joins its cluster. */
    void forget(Story story, Admitted admitted) {
        ids.remove(story.getId());
        hashes.remove(story.getContentHash());
        clusters.drop(admitted.fingerprint(), admitted.clusterId());
    }

    /** How many admitted stories are held in memory, not yet kept by the archive. */
    int inMemory() {
        return ids.size();
    }
}
