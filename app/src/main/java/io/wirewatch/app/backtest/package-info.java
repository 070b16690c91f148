/** Backtests: the live rules run over archived stories, offline and deterministically, into an HTML report. */
@NullMarked
package io.wirewatch.app.backtest;

import org.jspecify.annotations.NullMarked;
