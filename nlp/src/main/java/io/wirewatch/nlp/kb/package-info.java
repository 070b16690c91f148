/**
 * The actor knowledge base: states, capitals and seats of government, demonyms, international bodies, places, and
 * people with dated roles, loaded from a data file the project owns and extensible with users' own files.
 */
@NullMarked
package io.wirewatch.nlp.kb;

import org.jspecify.annotations.NullMarked;
