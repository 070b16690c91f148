/** Tools for the name finder: k-fold cross-validation on its training data alone. */
@NullMarked
package io.wirewatch.tools.ner;

import org.jspecify.annotations.NullMarked;
