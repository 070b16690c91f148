package io.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class KafkaErrorTallyTest {

    private static final Logger SENDER =
            LoggerFactory.getLogger("org.apache.kafka.clients.producer.internals.Sender");
    private static final Logger TASKS =
            LoggerFactory.getLogger("org.apache.kafka.streams.processor.internals.TaskManager");
    private static final Logger NETWORK = LoggerFactory.getLogger("org.apache.kafka.clients.NetworkClient");

    @Test
    void shouldCountProducerErrorsByTheProtocolErrorTheyName() {
        try (KafkaErrorTally tally = KafkaErrorTally.attach()) {
            for (int i = 0; i < 3; i++) {
                SENDER.warn("[Producer clientId=p] Got error produce response with correlation id {} on"
                        + " topic-partition news.stories.enriched-0, retrying (2147483646 attempts left). Error: {}",
                        i, "CONCURRENT_TRANSACTIONS");
            }
            SENDER.warn("Got error produce response on news.alerts-0, retrying. Error: OUT_OF_ORDER_SEQUENCE_NUMBER");

            assertThat(tally.producerErrors()).isEqualTo(4);
            assertThat(tally.producerSummary())
                    .isEqualTo("4 (CONCURRENT_TRANSACTIONS 3, OUT_OF_ORDER_SEQUENCE_NUMBER 1)");
        }
    }

    @Test
    void shouldCountACorruptedTaskAsAProducerErrorWhoeverLogsIt() {
        try (KafkaErrorTally tally = KafkaErrorTally.attach()) {
            TASKS.warn("Detected task corruption, will close and revive",
                    new IllegalStateException("wrapped", new TaskCorruptedException(java.util.Set.of())));

            assertThat(tally.producerSummary()).isEqualTo("1 (TaskCorruptedException 1)");
            assertThat(tally.otherWarnings()).isZero();
        }
    }

    @Test
    void shouldKeepOtherKafkaWarningsApartAndIgnoreOwnLinesAndInfo() {
        try (KafkaErrorTally tally = KafkaErrorTally.attach()) {
            NETWORK.warn("The metadata response reported a recoverable issue: {topic=UNKNOWN_TOPIC_OR_PARTITION}");
            NETWORK.info("Error: CONCURRENT_TRANSACTIONS at INFO is not counted");
            LoggerFactory.getLogger(KafkaErrorTallyTest.class).warn("Error: CONCURRENT_TRANSACTIONS of our own");

            assertThat(tally.producerErrors()).isZero();
            assertThat(tally.otherSummary()).isEqualTo("1 (UNKNOWN_TOPIC_OR_PARTITION 1)");
        }
    }

    @Test
    void shouldStopCountingWhenClosed() {
        KafkaErrorTally tally = KafkaErrorTally.attach();
        tally.close();
        SENDER.warn("Error: CONCURRENT_TRANSACTIONS");

        assertThat(tally.producerErrors()).isZero();
    }
}
