package io.wirewatch.app;

import io.wirewatch.alerts.AlertsService;
import io.wirewatch.alerts.subscribe.Webhook;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** How the alert service is reached and who it calls: a bearer token for the dashboard and API, and webhooks. */
final class SubscriptionOptions {

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:WIREWATCH_TOKEN}",
            description = "Require this bearer token for the dashboard, API and SSE (env WIREWATCH_TOKEN);"
                    + " a browser opens /?token=TOKEN once.")
    @Nullable String token;

    @Option(names = "--insecure-no-token", description = "Serve the dashboard, API and SSE beyond loopback"
            + " (--http-host) without a bearer token; refused otherwise.")
    boolean insecureNoToken;

    @Option(names = "--webhook", paramLabel = "URL", description = "POST every alert as signed JSON to this URL;"
            + " repeatable.")
    List<URI> webhooks = new ArrayList<>();

    @Option(names = "--webhook-secret", paramLabel = "SECRET", defaultValue = "${env:WIREWATCH_WEBHOOK_SECRET}",
            description = "HMAC-SHA256 key for the X-Wirewatch-Signature header of webhooks"
                    + " (env WIREWATCH_WEBHOOK_SECRET).")
    @Nullable String webhookSecret;

    AlertsService.Options options() {
        String bearer = token == null || token.isBlank() ? null : token;
        return new AlertsService.Options(bearer, webhooks.stream().map(url -> Webhook.of(url, webhookSecret)).toList())
                .withInsecureNoToken(insecureNoToken);
    }
}
