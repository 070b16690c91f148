/** Stance signals: who threatened, rejected, demanded or offered what, toward whom, and how it was asserted. */
@NullMarked
package io.wirewatch.nlp.stance;

import org.jspecify.annotations.NullMarked;
