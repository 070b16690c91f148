/** The Kafka Streams topology that turns enriched stories into de-duplicated alerts. */
@NullMarked
package io.wirewatch.alerts.topology;

import org.jspecify.annotations.NullMarked;
