/** Statistical named-entity recognition over tokens, for names the actor knowledge base does not know. */
@NullMarked
package io.wirewatch.nlp.ner;

import org.jspecify.annotations.NullMarked;
