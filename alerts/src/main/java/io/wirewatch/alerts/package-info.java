/**
 * The alerts service: rules over enriched stories, the alert topology, the live feed and the dashboard.
 * It meets ingest and enrich only through topics and the schema classes.
 */
@NullMarked
package io.wirewatch.alerts;

import org.jspecify.annotations.NullMarked;
