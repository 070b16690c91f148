package io.wirewatch.app;

import picocli.CommandLine.Command;

/** {@code wirewatch bench ...}: the project's own end-to-end benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "End-to-end benchmarks.",
        subcommands = {BenchPipelineCommand.class, io.wirewatch.app.faults.BenchFaultsCommand.class})
final class BenchCommand {
}
