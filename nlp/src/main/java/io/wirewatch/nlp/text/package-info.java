/** Text structure of a story: the story text, its paragraphs and sentences, with character offsets. */
@NullMarked
package io.wirewatch.nlp.text;

import org.jspecify.annotations.NullMarked;
