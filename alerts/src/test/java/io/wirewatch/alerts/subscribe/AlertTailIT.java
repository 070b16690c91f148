package io.wirewatch.alerts.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirewatch.alerts.rules.DefaultRules;
import io.wirewatch.alerts.rules.RuleEngine;
import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.alerts.web.AlertFilter;
import io.wirewatch.broker.EmbeddedBroker;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Severity;
import io.wirewatch.schema.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertTailIT {

    @TempDir
    Path dir;

    @Test
    void shouldPrintFilteredAlertsAsJsonLinesFromTheBeginningOrOnlyNewOnes() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(dir, 0))) {
            Alert medium = alert(Stories.seed("old-1", null));
            Alert high = Alert.newBuilder(alert(Stories.seed("old-2", null))).setSeverity(Severity.HIGH).build();
            produce(broker, medium, high);

            List<String> all = new CopyOnWriteArrayList<>();
            List<String> highOnly = new CopyOnWriteArrayList<>();
            List<String> fresh = new CopyOnWriteArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch ready = new CountDownLatch(3);
            Thread a = tail(new AlertTail.Options(broker.bootstrapServers(), Map.of(), AlertFilter.ALL, true), all, stop, ready);
            Thread b = tail(new AlertTail.Options(broker.bootstrapServers(), Map.of(),
                    AlertFilter.parse("high", "rus"), true), highOnly, stop, ready);
            Thread c = tail(new AlertTail.Options(broker.bootstrapServers(), Map.of(), AlertFilter.ALL, false), fresh,
                    stop, ready);
            await().atMost(Duration.ofSeconds(30)).until(() -> all.size() == 2 && highOnly.size() == 1);
            assertThat(ready.await(30, TimeUnit.SECONDS)).as("every tail has its start position").isTrue();
            Alert later = alert(Stories.seed("new-1", null));
            produce(broker, later);

            await().atMost(Duration.ofSeconds(30)).until(() -> all.size() == 3 && fresh.size() == 1);
            stop.set(true);
            for (Thread t : List.of(a, b, c)) {
                t.join(10_000);
            }
            assertThat(all).containsExactly(AvroJson.toJson(medium), AvroJson.toJson(high), AvroJson.toJson(later));
            assertThat(highOnly).containsExactly(AvroJson.toJson(high));
            assertThat(fresh).containsExactly(AvroJson.toJson(later));
        }
    }

    private static Thread tail(AlertTail.Options options, List<String> lines, AtomicBoolean stop,
                               CountDownLatch ready) {
        Thread thread = new Thread(() -> AlertTail.run(options, lines::add, stop::get, ready::countDown));
        thread.start();
        return thread;
    }

    private static Alert alert(EnrichedStory story) {
        return RuleEngine.evaluate(DefaultRules.ruleSet(), story, Instant.parse("2026-01-01T00:00:00Z")).get(0);
    }

    private static void produce(EmbeddedBroker broker, Alert... alerts) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(props, new StringSerializer(),
                Topics.ALERTS.valueSerde().serializer())) {
            for (Alert alert : alerts) {
                producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.getId(), alert));
            }
            producer.flush();
        }
    }
}
