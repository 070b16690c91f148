/** The embedded single-node KRaft broker that {@code wirewatch run} and the integration tests use. */
@NullMarked
package io.wirewatch.broker;

import org.jspecify.annotations.NullMarked;
