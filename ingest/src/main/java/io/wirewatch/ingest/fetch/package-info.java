/**
 * Polite and safe HTTP fetching: conditional GET, bounded retries with backoff for retriable failures only,
 * per-host spacing, a body size cap, gzip/deflate, and refusal of non-http(s) schemes and private, loopback and
 * link-local addresses (on every redirect hop) unless configured otherwise.
 */
@NullMarked
package io.wirewatch.ingest.fetch;

import org.jspecify.annotations.NullMarked;
