/** Subscribing to alerts outside the dashboard: webhooks. */
@NullMarked
package io.wirewatch.alerts.subscribe;

import org.jspecify.annotations.NullMarked;
