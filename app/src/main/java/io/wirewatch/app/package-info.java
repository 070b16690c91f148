/** The {@code wirewatch} command: everything in one JVM on an embedded broker, or each service on its own. */
@NullMarked
package io.wirewatch.app;

import org.jspecify.annotations.NullMarked;
