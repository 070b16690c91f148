/** Direct quotes and who said them: “...,” said X; X said: “...”; “...,” he said; quotes across paragraphs. */
@NullMarked
package io.wirewatch.nlp.quote;

import org.jspecify.annotations.NullMarked;
