package io.wirewatch.alerts.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.wirewatch.alerts.rules.DefaultRules;
import io.wirewatch.alerts.rules.RuleEngine;
import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.alerts.web.AlertFilter;
import io.wirewatch.broker.EmbeddedBroker;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.Severity;
import io.wirewatch.schema.Topics;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhooks against a loopback HTTP server: signed deliveries, retries on 503, no retry on 410, filters. */
class WebhookIT {

    private static final String SECRET = "webhook-secret";

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

    record Delivery(String path, String id, String timestamp, String signature, String body) {
    }

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var h = exchange.getRequestHeaders();
            deliveries.add(new Delivery(exchange.getRequestURI().getPath(), h.getFirst("X-Wirewatch-Alert-Id"),
                    h.getFirst("X-Wirewatch-Timestamp"), String.valueOf(h.getFirst("X-Wirewatch-Signature")), body));
            Integer status = exchange.getRequestURI().getPath().equals("/gone") ? Integer.valueOf(410) : answers.poll();
            exchange.sendResponseHeaders(status == null ? 204 : status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void shouldDeliverSignedAlertsRetryingServerErrorsButNotRefusals() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(dir, 0))) {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            Webhook hook = Webhook.of(base.resolve("/hook"), SECRET).withRetries(4, Duration.ofMillis(100));
            Webhook gone = Webhook.of(base.resolve("/gone"), null).withFilter(AlertFilter.parse("HIGH", null));
            try (WebhookDispatcher good = WebhookDispatcher.start(broker.bootstrapServers(), Map.of(), hook,
                    Clock.systemUTC());
                 WebhookDispatcher refused = WebhookDispatcher.start(broker.bootstrapServers(), Map.of(), gone,
                         Clock.systemUTC())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> good.ready() && refused.ready());
                answers.add(503);
                answers.add(502);
                Alert medium = alert("w-1", Severity.MEDIUM);
                Alert high = alert("w-2", Severity.HIGH);
                produce(broker, medium, high);

                await().atMost(Duration.ofSeconds(60)).until(() -> good.delivered() == 2 && refused.givenUp() == 1);

                List<Delivery> toHook = deliveries.stream().filter(d -> d.path().equals("/hook")).toList();
                assertThat(toHook).extracting(Delivery::id)
                        .containsExactly(medium.getId(), medium.getId(), medium.getId(), high.getId());
                for (Delivery delivery : toHook) {
                    assertThat(delivery.signature()).isEqualTo("sha256=" + hmac(delivery.timestamp() + "."
                            + delivery.body()));
                }
                assertThat(toHook.get(3).body()).isEqualTo(AvroJson.toJson(high));
                List<Delivery> toGone = deliveries.stream().filter(d -> d.path().equals("/gone")).toList();
                assertThat(toGone).as("only HIGH passes its filter, and a 410 is not retried")
                        .extracting(Delivery::id).containsExactly(high.getId());
                assertThat(toGone.get(0).signature()).isEqualTo("null");
                assertThat(good.givenUp()).isZero();
            }
        }
    }

    @Test
    void shouldResumeAfterARestartWithTheAlertsRaisedWhileItWasDown() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(dir, 0))) {
            Webhook hook = Webhook.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/resume"),
                    SECRET);
            produce(broker, alert("before-first-start", Severity.LOW));
            try (WebhookDispatcher first = WebhookDispatcher.start(broker.bootstrapServers(), Map.of(), hook,
                    Clock.systemUTC())) {
                await().atMost(Duration.ofSeconds(60)).until(first::ready);
                produce(broker, alert("while-up", Severity.LOW));
                await().atMost(Duration.ofSeconds(60)).until(() -> first.delivered() == 1);
            }
            Alert whileDown = alert("while-down", Severity.LOW);
            produce(broker, whileDown);
            try (WebhookDispatcher second = WebhookDispatcher.start(broker.bootstrapServers(), Map.of(), hook,
                    Clock.systemUTC())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> second.delivered() == 1);
            }
            assertThat(deliveries).extracting(Delivery::id).as("nothing from before the first start, nothing twice")
                    .containsExactly(alert("while-up", Severity.LOW).getId(), whileDown.getId());
        }
    }

    @Test
    void shouldKeepDeliveringWhenRetriesOutlastTheMaximumPollInterval() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(dir, 0))) {
            Webhook hook = Webhook.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slow"),
                    SECRET).withRetries(5, Duration.ofMillis(1000));
            // three failures wait 1 + 2 + 4 s before the fourth attempt: more than twice max.poll.interval.ms
            Map<String, Object> client = Map.of("max.poll.interval.ms", 3000);
            try (WebhookDispatcher dispatcher = WebhookDispatcher.start(broker.bootstrapServers(), client, hook,
                    Clock.systemUTC())) {
                await().atMost(Duration.ofSeconds(60)).until(dispatcher::ready);
                answers.add(503);
                answers.add(503);
                answers.add(503);
                Alert slow = alert("slow-1", Severity.LOW);
                produce(broker, slow);
                await().atMost(Duration.ofSeconds(60)).until(() -> dispatcher.delivered() == 1);

                Alert next = alert("slow-2", Severity.LOW);
                produce(broker, next);

                await().atMost(Duration.ofSeconds(60)).until(() -> dispatcher.delivered() == 2);
                assertThat(deliveries).extracting(Delivery::id).as("four attempts at the slow one, then the next, once")
                        .containsExactly(slow.getId(), slow.getId(), slow.getId(), slow.getId(), next.getId());
                assertThat(dispatcher.state()).isEqualTo(WebhookDispatcher.State.RUNNING);
                assertThat(dispatcher.restarts()).isZero();
            }
        }
    }

    private static String hmac(String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Alert alert(String storyId, Severity severity) {
        Alert alert = RuleEngine.evaluate(DefaultRules.ruleSet(), Stories.seed(storyId, null),
                Instant.parse("2026-01-01T00:00:00Z")).get(0);
        return Alert.newBuilder(alert).setSeverity(severity).build();
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
