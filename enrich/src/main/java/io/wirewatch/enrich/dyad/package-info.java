/**
 * Across stories: per actor pair (a dyad, SOURCE->TARGET) event-time windows of signals, and the moments a
 * dyad's stance moves.
 */
@NullMarked
package io.wirewatch.enrich.dyad;

import org.jspecify.annotations.NullMarked;
