/** Archives: WARC files (e.g. Common Crawl's CC-NEWS) read record by record into stories, for loading history. */
@NullMarked
package io.wirewatch.ingest.archive;

import org.jspecify.annotations.NullMarked;
