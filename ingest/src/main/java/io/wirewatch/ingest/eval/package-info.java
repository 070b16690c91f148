/** Quality evaluations of extraction against labelled folders (main text, publication dates). */
@NullMarked
package io.wirewatch.ingest.eval;

import org.jspecify.annotations.NullMarked;
