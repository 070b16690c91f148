package io.wirewatch.ingest;

import io.wirewatch.ingest.dedup.NearDuplicates;
import io.wirewatch.ingest.dedup.SimHash;
import io.wirewatch.schema.Story;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides which stories are new, the same way for {@code ingest} and {@code backtest}: a story with an id or a
 * content hash seen before is an exact duplicate and is dropped; any other story is admitted and put in its
 * near-duplicate cluster (SimHash within 3 bits: copies of one syndicated story share the first copy's id as
 * their cluster). Not thread-safe.
 */
public final class NewStories {

    /** A story that was admitted: its text fingerprint and the cluster it was put in. */
    public record Admitted(long fingerprint, String clusterId, boolean copy) {
        public Admitted {
            Objects.requireNonNull(clusterId, "clusterId");
        }
    }

    private final Set<String> seenIds;
    private final Set<String> seenHashes;
    private final NearDuplicates clusters = new NearDuplicates(3);

    /** Knows nothing yet. */
    public NewStories() {
        this(Set.of(), Set.of(), Map.of());
    }

    /** Knows the ids, content hashes and near-duplicate fingerprints (to cluster ids) of earlier runs. */
    NewStories(Set<String> ids, Set<String> hashes, Map<Long, String> fingerprints) {
        this.seenIds = new HashSet<>(ids);
        this.seenHashes = new HashSet<>(hashes);
        fingerprints.forEach(clusters::remember);
    }

    /**
     * Admits {@code story} and sets its cluster id, or returns null when it is an exact duplicate of a story
     * seen before (and leaves it unchanged).
     */
    public @Nullable Admitted admit(Story story) {
        boolean newId = seenIds.add(story.getId());
        boolean newContent = seenHashes.add(story.getContentHash());
        if (!newId || !newContent) {
            return null;
        }
        long fingerprint = SimHash.of(String.join("\n\n", story.getParagraphs()));
        NearDuplicates.Assignment cluster = clusters.add(story.getId(), fingerprint);
        story.setClusterId(cluster.clusterId());
        return new Admitted(fingerprint, cluster.clusterId(), cluster.copy());
    }

    /** Lets a story whose write failed or was refused be admitted again. */
    void forget(Story story) {
        seenIds.remove(story.getId());
        seenHashes.remove(story.getContentHash());
    }
}
