package io.wirewatch.alerts.web;

import org.jspecify.annotations.Nullable;

/** A {@code ?limit=} parameter: how many items a list endpoint returns, with a default and a ceiling. */
record QueryLimit(int defaultLimit, int maxLimit) {

    /**
     * @throws IllegalArgumentException when the text is not a positive number (the endpoints answer 400 with it)
     */
    int parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1, was " + limit);
            }
            return Math.min(limit, maxLimit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a number, was '" + text + "'", e);
        }
    }
}
