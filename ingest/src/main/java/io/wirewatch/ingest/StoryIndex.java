package io.wirewatch.ingest;

import org.jspecify.annotations.Nullable;

/**
 * The records of the compacted {@code news.stories.index} topic, one kind per key prefix: {@code id:<story id>},
 * {@code hash:<content hash>} and {@code sim:<story id>} (its SimHash and near-duplicate cluster). Ingest writes
 * them in the transaction of each story and keeps what they say in its {@link IndexStore}.
 */
final class StoryIndex {

    static final String ID = "id:";
    static final String HASH = "hash:";
    /** {@code sim:<story id>} → {@code <SimHash, hex> <cluster id>}: near-duplicate clusters survive a restart. */
    static final String SIMHASH = "sim:";

    private StoryIndex() {
    }

    /** What one index record says. */
    sealed interface Entry {
    }

    /** A story id the archive holds. */
    record Id(String id) implements Entry {
    }

    /** A content hash the archive holds. */
    record Hash(String hash) implements Entry {
    }

    /** The fingerprint and near-duplicate cluster of a story the archive holds. */
    record Sim(long fingerprint, String clusterId) implements Entry {
    }

    /** A record with an unknown key (or none): nothing to keep. */
    record Other() implements Entry {
    }

    /** A {@code sim:} record whose value cannot be read, and why. */
    record Malformed(String reason) implements Entry {
    }

    /** The index record value of a story's fingerprint and cluster. */
    static String simValue(long fingerprint, String clusterId) {
        return Long.toHexString(fingerprint) + " " + clusterId;
    }

    /** Reads one record of the topic. */
    static Entry parse(@Nullable String key, @Nullable String value) {
        if (key == null) {
            return new Other();
        }
        if (key.startsWith(ID)) {
            return new Id(key.substring(ID.length()));
        }
        if (key.startsWith(HASH)) {
            return new Hash(key.substring(HASH.length()));
        }
        if (key.startsWith(SIMHASH)) {
            if (value == null) {
                return new Other();
            }
            int space = value.indexOf(' ');
            if (space <= 0 || space == value.length() - 1) {
                return new Malformed("not '<SimHash, hex> <cluster id>'");
            }
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                return new Malformed("a line break in the cluster id");
            }
            try {
                return new Sim(Long.parseUnsignedLong(value.substring(0, space), 16), value.substring(space + 1));
            } catch (NumberFormatException e) {
                return new Malformed("SimHash '" + value.substring(0, space) + "' is not a 64-bit hex number");
            }
        }
        return new Other();
    }
}
