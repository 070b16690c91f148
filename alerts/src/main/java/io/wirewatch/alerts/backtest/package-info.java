/** Backtests: the rules run over archived stories in isolation from the live pipeline, and their HTML report. */
@NullMarked
package io.wirewatch.alerts.backtest;

import org.jspecify.annotations.NullMarked;
