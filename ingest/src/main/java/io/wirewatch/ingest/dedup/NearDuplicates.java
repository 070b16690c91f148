package io.wirewatch.ingest.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Clusters stories whose SimHash fingerprints differ in at most {@code maxDistance} bits. The fingerprint is cut
 * into {@code maxDistance + 1} bands: two fingerprints within the distance share at least one band exactly
 * (pigeonhole), so only stories sharing a band are compared. A story joins the cluster of the nearest close story
 * (ties: the smallest cluster id), whatever the order stories were added or remembered in; a cluster's id is the id
 * of its first story. Not thread-safe.
 */
public final class NearDuplicates {

    /** The cluster a story was put in, and whether it is a copy of an earlier story. */
    public record Assignment(String clusterId, boolean copy) {
        public Assignment {
            Objects.requireNonNull(clusterId, "clusterId");
        }
    }

    private record Entry(long fingerprint, String clusterId) {
    }

    private final int maxDistance;
    private final int bands;
    private final List<Map<Long, List<Entry>>> index = new ArrayList<>();

    /** An index; 3 bits is a good distance for news text of a few hundred words and more. */
    public NearDuplicates(int maxDistance) {
        if (maxDistance < 0 || maxDistance > 15) {
            throw new IllegalArgumentException("maxDistance must be in [0, 15], was " + maxDistance);
        }
        this.maxDistance = maxDistance;
        this.bands = maxDistance + 1;
        for (int i = 0; i < bands; i++) {
            index.add(new HashMap<>());
        }
    }

    /** Adds the story {@code id} with the text {@code body} and says which cluster it belongs to. */
    public Assignment add(String id, String body) {
        return add(id, SimHash.of(body));
    }

    /** Adds the story {@code id} whose text has the SimHash {@code fingerprint}. */
    public Assignment add(String id, long fingerprint) {
        // The nearest known story, ties to the smallest cluster id: a choice that does not depend on the order in which
        // stories were added or remembered, so an ingester restarted from the index clusters as one that never stopped.
        String cluster = null;
        int nearest = Integer.MAX_VALUE;
        for (int band = 0; band < bands; band++) {
            for (Entry entry : index.get(band).getOrDefault(bandKey(fingerprint, band), List.of())) {
                int distance = SimHash.distance(entry.fingerprint(), fingerprint);
                if (distance <= maxDistance && (distance < nearest
                        || distance == nearest && entry.clusterId().compareTo(cluster) < 0)) {
                    nearest = distance;
                    cluster = entry.clusterId();
                }
            }
        }
        boolean copy = cluster != null;
        Entry entry = new Entry(fingerprint, copy ? cluster : id);
        for (int band = 0; band < bands; band++) {
            index.get(band).computeIfAbsent(bandKey(fingerprint, band), k -> new ArrayList<>()).add(entry);
        }
        return new Assignment(entry.clusterId(), copy);
    }

    /** Remembers a story of an earlier run: its fingerprint and the cluster it was put in. */
    public void remember(long fingerprint, String clusterId) {
        Entry entry = new Entry(fingerprint, Objects.requireNonNull(clusterId, "clusterId"));
        for (int band = 0; band < bands; band++) {
            index.get(band).computeIfAbsent(bandKey(fingerprint, band), k -> new ArrayList<>()).add(entry);
        }
    }

    private long bandKey(long fingerprint, int band) {
        int width = 64 / bands;
        int from = band * width;
        int bits = band == bands - 1 ? 64 - from : width;
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        return (long) band << 58 ^ fingerprint >>> from & mask;
    }
}
