/** The live alert feed (a read_committed consumer on news.alerts), REST, Server-Sent Events and the dashboard. */
@NullMarked
package io.wirewatch.alerts.web;

import org.jspecify.annotations.NullMarked;
