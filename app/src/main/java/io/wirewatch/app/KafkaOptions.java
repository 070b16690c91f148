package io.wirewatch.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** How a service reaches a Kafka cluster: bootstrap servers plus any client properties (SASL, SSL, ...). */
final class KafkaOptions {

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT",
            defaultValue = "${env:WIREWATCH_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}; env WIREWATCH_BOOTSTRAP_SERVERS).")
    String bootstrapServers = "127.0.0.1:9092";

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "A properties file of Kafka client settings (security.protocol, sasl.*, ssl.*, ...).")
    @Nullable Path configFile;

    @Option(names = {"-K", "--kafka"}, paramLabel = "KEY=VALUE",
            description = "One Kafka client setting; repeatable; wins over --kafka-config.")
    Map<String, String> overrides = new HashMap<>();

    /** The client properties from the file and the command line. */
    Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        if (configFile != null) {
            Properties file = new Properties();
            try (Reader reader = Files.newBufferedReader(configFile)) {
                file.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read Kafka settings from " + configFile + ": "
                        + e.getMessage(), e);
            }
            file.forEach((key, value) -> props.put(key.toString(), value));
        }
        props.putAll(overrides);
        return props;
    }
}
