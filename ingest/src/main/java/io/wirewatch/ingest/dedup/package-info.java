/** Near-duplicate detection: SimHash fingerprints over word shingles and a banded index that clusters copies. */
@NullMarked
package io.wirewatch.ingest.dedup;

import org.jspecify.annotations.NullMarked;
