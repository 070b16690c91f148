/** Subscribing to alerts outside the dashboard: tailing news.alerts as JSON lines, and webhooks. */
@NullMarked
package io.wirewatch.alerts.subscribe;

import org.jspecify.annotations.NullMarked;
