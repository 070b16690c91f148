/**
 * Main-text and metadata extraction with Jsoup: the article body as paragraphs with page furniture removed,
 * captions kept apart, title, byline, dateline, wire, language, canonical URL and publication times.
 */
@NullMarked
package io.wirewatch.ingest.extract;

import org.jspecify.annotations.NullMarked;
