package io.wirewatch.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Keeps the console of a long-running command to wirewatch's own lines: Kafka, Jetty and every other library
 * log at WARN into a file under the data directory, and wirewatch logs its INFO there too; the console shows
 * wirewatch's warnings and errors only (and what the command prints itself). {@code --verbose} brings everything
 * back to the console as well.
 */
final class ConsoleLogging {

    /** The log file under a data directory. */
    static final String LOG_FILE = "logs/wirewatch.log";
    /** The console appender named in {@code logback.xml}. */
    private static final String CONSOLE = "STDERR";

    private ConsoleLogging() {
    }

    /**
     * Sends the libraries' log lines to {@code dataDir}/{@value #LOG_FILE} instead of the console, unless
     * {@code verbose}; returns the log file.
     */
    static Path toFile(Path dataDir, boolean verbose) throws IOException {
        Path file = dataDir.resolve(LOG_FILE).toAbsolutePath();
        Files.createDirectories(file.getParent());
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return file; // another SLF4J backend (tests may bring one): leave its configuration alone
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> console = root.getAppender(CONSOLE);

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> log = new FileAppender<>();
        log.setContext(context);
        log.setName("FILE");
        log.setFile(file.toString());
        log.setAppend(true);
        log.setEncoder(encoder);
        log.start();
        root.addAppender(log);

        if (console != null && !verbose) {
            root.detachAppender(console);
            ThresholdFilter warnings = new ThresholdFilter();
            warnings.setLevel(Level.WARN.toString());
            warnings.start();
            console.addFilter(warnings);
            context.getLogger("io.wirewatch").addAppender(console);
        }
        return file;
    }
}
