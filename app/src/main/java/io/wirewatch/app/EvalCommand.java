package io.wirewatch.app;

import picocli.CommandLine.Command;

/** {@code wirewatch eval ...}: quality evaluations on labelled data. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score wirewatch on labelled data (extraction, dates, names, events).",
        subcommands = {EvalExtractionCommand.class, EvalDatesCommand.class, EvalNerCommand.class,
                EvalEventsCommand.class})
final class EvalCommand {
}
