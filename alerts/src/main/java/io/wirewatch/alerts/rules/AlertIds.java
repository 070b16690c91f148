package io.wirewatch.alerts.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Deterministic alert ids: the same story (or story cluster, when it has one) under the same rule version always
 * gives the same id, so a replay produces the same ids and a duplicate is recognised by its id alone.
 */
public final class AlertIds {

    private AlertIds() {
    }

    /** {@code al-} and 24 hex digits of SHA-256 over rule id, rule version and cluster id (or story id). */
    public static String of(String ruleId, String ruleVersion, String storyId, @Nullable String clusterId) {
        // A cluster id is the id of the cluster's first story, so a story alone is the cluster of itself: the same
        // story with or without its cluster id (written by another ingester, or before clustering) is one subject.
        String subject = "story:" + (clusterId != null && !clusterId.isBlank() ? clusterId : storyId);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((ruleId + '\u0000' + ruleVersion + '\u0000' + subject)
                    .getBytes(StandardCharsets.UTF_8));
            return "al-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
