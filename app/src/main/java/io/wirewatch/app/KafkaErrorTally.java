package io.wirewatch.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.protocol.Errors;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Counts the warnings and errors Kafka's clients and broker log while attached, by reason: the protocol error
 * they name ({@code CONCURRENT_TRANSACTIONS}, {@code OUT_OF_ORDER_SEQUENCE_NUMBER}), else the exception they carry
 * ({@code TaskCorruptedException}), else the logger. Producer errors (Kafka's producer, and any task corrupted or
 * producer fenced) are counted apart from the rest, so {@code bench pipeline} can say how many a run saw without
 * printing them.
 */
final class KafkaErrorTally extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private static final Set<String> PROTOCOL_ERRORS = Arrays.stream(Errors.values()).map(Errors::name)
            .filter(name -> !name.equals("NONE") && !name.equals("UNKNOWN_SERVER_ERROR"))
            .collect(Collectors.toUnmodifiableSet());
    private static final Pattern UPPER_WORD = Pattern.compile("\\b[A-Z][A-Z_]{3,}[A-Z]\\b");
    /** Exceptions that mean a transactional producer lost its transaction, whoever logs them. */
    private static final Set<String> PRODUCER_FAILURES = Set.of("TaskCorruptedException", "ProducerFencedException",
            "OutOfOrderSequenceException", "InvalidProducerEpochException", "TaskMigratedException");

    private final Map<String, LongAdder> producer = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> other = new ConcurrentHashMap<>();

    private KafkaErrorTally() {
    }

    /** Starts counting every WARN and ERROR event of the {@code org.apache.kafka} and {@code kafka} loggers. */
    static KafkaErrorTally attach() {
        KafkaErrorTally tally = new KafkaErrorTally();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            tally.setContext(context);
            tally.setName("kafka-error-tally");
            tally.start();
            context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(tally);
        }
        return tally;
    }

    @Override
    protected void append(ILoggingEvent event) {
        String logger = event.getLoggerName();
        if (!event.getLevel().isGreaterOrEqual(Level.WARN)
                || !(logger.startsWith("org.apache.kafka.") || logger.startsWith("kafka."))) {
            return;
        }
        String exception = exceptionNamed(event.getThrowableProxy());
        String reason = reason(event.getFormattedMessage(), exception, logger);
        boolean fromProducer = logger.startsWith("org.apache.kafka.clients.producer.")
                || (exception != null && PRODUCER_FAILURES.contains(exception));
        (fromProducer ? producer : other).computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    private static String reason(@Nullable String message, @Nullable String exception, String logger) {
        Matcher words = UPPER_WORD.matcher(message == null ? "" : message);
        while (words.find()) {
            if (PROTOCOL_ERRORS.contains(words.group())) {
                return words.group();
            }
        }
        if (exception != null) {
            return exception;
        }
        return logger.substring(logger.lastIndexOf('.') + 1);
    }

    /** The first exception of the chain that says what went wrong: a known producer failure, else the outermost. */
    private static @Nullable String exceptionNamed(@Nullable IThrowableProxy proxy) {
        String outermost = null;
        for (IThrowableProxy p = proxy; p != null; p = p.getCause()) {
            String name = p.getClassName().substring(p.getClassName().lastIndexOf('.') + 1);
            if (PRODUCER_FAILURES.contains(name)) {
                return name;
            }
            if (outermost == null) {
                outermost = name;
            }
        }
        return outermost;
    }

    long producerErrors() {
        return total(producer);
    }

    long otherWarnings() {
        return total(other);
    }

    /** For example {@code 12 (CONCURRENT_TRANSACTIONS 9, OUT_OF_ORDER_SEQUENCE_NUMBER 3)}, or {@code 0}. */
    String producerSummary() {
        return summary(producer);
    }

    String otherSummary() {
        return summary(other);
    }

    private static long total(Map<String, LongAdder> counts) {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private static String summary(Map<String, LongAdder> counts) {
        long total = total(counts);
        if (total == 0) {
            return "0";
        }
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((reason, n) -> sorted.put(reason, n.sum()));
        return total + " (" + sorted.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")";
    }

    /** Stops counting. */
    @Override
    public void close() {
        if (getContext() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        }
        stop();
    }
}
