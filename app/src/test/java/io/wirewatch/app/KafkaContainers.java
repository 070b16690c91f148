package io.wirewatch.app;

import org.testcontainers.kafka.KafkaContainer;

/** Test helper: the apache/kafka container the container tests run against, one version for all of them. */
final class KafkaContainers {

    /** The broker image: the same Kafka version as the clients (kafka.version in the parent pom). */
    static final String IMAGE = "apache/kafka:4.4.0";

    private KafkaContainers() {
    }

    /**
     * A single-node KRaft broker. It runs as root: the offline-images stand-in of apache/kafka (what CI builds,
     * since these machines reach no registry) ships {@code /opt/kafka/config} read-only, and its start script must
     * write {@code server.properties} there ("error while preparing configs"). On the real image nothing changes.
     */
    static KafkaContainer broker() {
        return new KafkaContainer(IMAGE)
                .withCreateContainerCmdModifier(cmd -> cmd.withUser("0"))
                .withEnv("KAFKA_HEAP_OPTS", "-Xms256m -Xmx512m");
    }
}
