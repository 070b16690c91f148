/**
 * {@code wirewatch bench faults}: the pipeline as separate processes, killed and restarted at seeded random
 * moments, compared at the end with the backtest of the same stories.
 */
@NullMarked
package io.wirewatch.app.faults;

import org.jspecify.annotations.NullMarked;
