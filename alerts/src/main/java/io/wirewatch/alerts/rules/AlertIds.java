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
        String subject = clusterId != null && !clusterId.isBlank() ? "cluster:" + clusterId : "story:" + storyId;
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
