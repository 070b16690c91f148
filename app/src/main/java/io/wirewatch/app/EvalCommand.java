package io.wirewatch.app;

import picocli.CommandLine.Command;

/** {@code wirewatch eval}: quality evaluations of ingest against labelled folders. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score extraction quality against labelled data.",
        subcommands = {EvalExtractionCommand.class, EvalDatesCommand.class})
public final class EvalCommand {
}
