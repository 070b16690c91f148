/** Alert rules: what a rule matches, how a story is judged against a rule set, and how an alert explains itself. */
@NullMarked
package io.wirewatch.alerts.rules;

import org.jspecify.annotations.NullMarked;
