package io.wirewatch.app;

import io.wirewatch.schema.GeneratedClasses;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code wirewatch} command line. */
@Command(name = "wirewatch", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Streaming news monitoring on Apache Kafka: ingest wire stories, tag actors and stance,"
                + " raise explainable alerts.",
        subcommands = {RunCommand.class, BrokerCommand.class, IngestCommand.class, EnrichCommand.class, AlertsCommand.class, TopicsCommand.class, ReplayCommand.class, BenchCommand.class, io.wirewatch.app.backtest.BacktestCommand.class, ExtractCommand.class, EvalCommand.class, TrainCommand.class,
                TagCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    static {
        // before any part of the process loads the JDK's HTTP client: the fetcher sends its own Host header
        io.wirewatch.ingest.fetch.Fetcher.allowHostHeader();
    }

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code, without exiting. */
    public static int execute(String... args) {
        GeneratedClasses.trust(); // commands build records (tag, backtest) before any serde has trusted them
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Main());
        line.setExecutionExceptionHandler((error, cmd, parsed) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("wirewatch: " + message(error)));
            if (System.getenv("WIREWATCH_DEBUG") != null) {
                error.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return line;
    }

    private static String message(Throwable error) {
        String message = error.getMessage();
        return message == null ? error.toString() : message;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"wirewatch " + (version == null ? "(development build)" : version)};
        }
    }
}
