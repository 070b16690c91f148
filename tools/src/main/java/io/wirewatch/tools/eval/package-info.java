/** Quality evaluations of the enrichment against gold files: events (PLOVER categories, source and target). */
@NullMarked
package io.wirewatch.tools.eval;

import org.jspecify.annotations.NullMarked;
