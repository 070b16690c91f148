package io.wirewatch.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Story identity: the stable id (from the canonical URL, else from the content) and the content hash used to
 * drop exact duplicates. Both are pure functions of their input, so the same story always gets the same key.
 */
public final class StoryIdentity {

    private static final Pattern TRACKING = Pattern.compile("(?i)^(?:utm_\\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid"
            + "|ocid|smid|smtyp|taid|mod|src|cid|icid|__twitter_impression|s_cid|share)$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private StoryIdentity() {
    }

    /** The story id: a hash of the canonical URL when there is one, else of the normalised title and body. */
    public static String id(@Nullable String canonicalUrl, String title, String body) {
        if (canonicalUrl != null && !canonicalUrl.isBlank()) {
            return sha256("url\n" + canonicalUrl(canonicalUrl)).substring(0, 32);
        }
        return sha256("text\n" + normalise(title) + "\n" + normalise(body)).substring(0, 32);
    }

    /** SHA-256 (hex) of the normalised body. */
    public static String contentHash(String body) {
        return sha256(normalise(body));
    }

    /**
     * A URL in the form two copies of one page share: lower-case scheme and host, no default port, no fragment,
     * no tracking parameters, no trailing slash. Unparseable URLs are returned stripped.
     */
    public static String canonicalUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return url.strip();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
                port = -1;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            List<String> kept = new ArrayList<>();
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                    if (!name.isEmpty() && !TRACKING.matcher(name).matches()) {
                        kept.add(pair);
                    }
                }
            }
            kept.sort(null);
            return scheme + "://" + host + (port == -1 ? "" : ":" + port) + path
                    + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        } catch (URISyntaxException e) {
            return url.strip();
        }
    }

    /** Text normalised for hashing: NFKC, lower case, typographic quotes and dashes unified, spaces collapsed. */
    static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"')
                .replace('–', '-').replace('—', '-');
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    private static String sha256(String s) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
