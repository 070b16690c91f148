/**
 * Feeds: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 with ROME, JSON Feed with Jackson, and a lenient fallback for feeds
 * that are not well-formed XML, so that a broken feed still yields its items or a clear error.
 */
@NullMarked
package io.wirewatch.ingest.feed;

import org.jspecify.annotations.NullMarked;
