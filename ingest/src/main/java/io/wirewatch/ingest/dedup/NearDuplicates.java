package io.wirewatch.ingest.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ObjLongConsumer;

/**
 * Clusters stories whose SimHash fingerprints differ in at most {@code maxDistance} bits. The fingerprint is cut
 * into {@code maxDistance + 1} bands: two fingerprints within the distance share at least one band exactly
 * (pigeonhole), so only stories sharing a band are compared. A story joins the cluster of the nearest close story
 * (ties: the smallest cluster id), whatever the order stories were added or remembered in; a cluster's id is the id
 * of its first story. Stories of earlier runs can be kept elsewhere ({@link Earlier}, e.g. on disk) and are looked
 * up by band key; the choice is the same as if they were held here. Not thread-safe.
 */
public final class NearDuplicates {

    /** The cluster a story was put in, and whether it is a copy of an earlier story. */
    public record Assignment(String clusterId, boolean copy) {
        public Assignment {
            Objects.requireNonNull(clusterId, "clusterId");
        }
    }

    /** Stories of earlier runs, kept outside this object and found by band key. */
    @FunctionalInterface
    public interface Earlier {
        /** Knows nothing. */
        Earlier NONE = (bandKey, each) -> { };

        /** Gives {@code each} the cluster id and fingerprint of every earlier story with this band key. */
        void forEachWithBand(long bandKey, ObjLongConsumer<String> each);
    }

    private record Entry(long fingerprint, String clusterId) {
    }

    /** The nearest candidate so far: distance, then the smallest cluster id. */
    private final class Nearest implements ObjLongConsumer<String> {
        private final long fingerprint;
        private String cluster;
        private int distance = Integer.MAX_VALUE;

        Nearest(long fingerprint) {
            this.fingerprint = fingerprint;
        }

        @Override
        public void accept(String clusterId, long candidate) {
            int d = SimHash.distance(candidate, fingerprint);
            if (d <= maxDistance && (d < distance || d == distance && clusterId.compareTo(cluster) < 0)) {
                distance = d;
                cluster = clusterId;
            }
        }
    }

    private final int maxDistance;
    private final int bands;
    private final List<Map<Long, List<Entry>>> index = new ArrayList<>();
    private final Earlier earlier;

    /** An index; 3 bits is a good distance for news text of a few hundred words and more. */
    public NearDuplicates(int maxDistance) {
        this(maxDistance, Earlier.NONE);
    }

    /** An index that also looks up the stories of earlier runs in {@code earlier}. */
    public NearDuplicates(int maxDistance, Earlier earlier) {
        this.earlier = Objects.requireNonNull(earlier, "earlier");
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
        Nearest nearest = new Nearest(fingerprint);
        for (int band = 0; band < bands; band++) {
            long key = bandKey(fingerprint, band);
            for (Entry entry : index.get(band).getOrDefault(key, List.of())) {
                nearest.accept(entry.clusterId(), entry.fingerprint());
            }
            earlier.forEachWithBand(key, nearest);
        }
        String cluster = nearest.cluster;
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

    /**
     * Forgets one story held here (its fingerprint and cluster), once it is kept in {@link Earlier} or was never
     * written; false when no such story is held.
     */
    public boolean drop(long fingerprint, String clusterId) {
        Entry entry = new Entry(fingerprint, Objects.requireNonNull(clusterId, "clusterId"));
        boolean dropped = false;
        for (int band = 0; band < bands; band++) {
            long key = bandKey(fingerprint, band);
            List<Entry> entries = index.get(band).get(key);
            if (entries != null && entries.remove(entry)) {
                dropped = true;
                if (entries.isEmpty()) {
                    index.get(band).remove(key);
                }
            }
        }
        return dropped;
    }

    /**
     * The band keys of {@code fingerprint} in an index of {@code maxDistance}, one per band: what {@link Earlier}
     * is asked by.
     */
    public static long[] bandKeys(long fingerprint, int maxDistance) {
        int bands = maxDistance + 1;
        long[] keys = new long[bands];
        for (int band = 0; band < bands; band++) {
            keys[band] = bandKey(fingerprint, band, bands);
        }
        return keys;
    }

    private long bandKey(long fingerprint, int band) {
        return bandKey(fingerprint, band, bands);
    }

    private static long bandKey(long fingerprint, int band, int bands) {
        int width = 64 / bands;
        int from = band * width;
        int bits = band == bands - 1 ? 64 - from : width;
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        return (long) band << 58 ^ fingerprint >>> from & mask;
    }
}
