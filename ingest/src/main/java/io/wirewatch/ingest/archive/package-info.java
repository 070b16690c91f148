/** Archives for loading history: WARC files (e.g. Common Crawl CC-NEWS) and JSON lines, read into stories. */
@NullMarked
package io.wirewatch.ingest.archive;

import org.jspecify.annotations.NullMarked;
