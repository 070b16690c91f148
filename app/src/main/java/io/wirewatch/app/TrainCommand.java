package io.wirewatch.app;

import picocli.CommandLine.Command;

/** {@code wirewatch train ...}: retrain models on your own annotated data. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train models on your own annotated data.",
        subcommands = {TrainNerCommand.class})
final class TrainCommand {
}
