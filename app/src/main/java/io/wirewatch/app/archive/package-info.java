/** Reading archived stories back: from {@code news.stories.raw} by event time, or from story files. */
@NullMarked
package io.wirewatch.app.archive;

import org.jspecify.annotations.NullMarked;
