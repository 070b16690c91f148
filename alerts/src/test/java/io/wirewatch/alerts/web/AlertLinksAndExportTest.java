package io.wirewatch.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.alerts.rules.DefaultRules;
import io.wirewatch.alerts.rules.RuleEngine;
import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroJson;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An alert's own address and deep link, downloads of a filter's alerts, and actor names in filters. */
class AlertLinksAndExportTest {

    private static final ActorDirectory ACTORS = ActorDirectory.of(List.of(
            new ActorDirectory.Actor("RUS", "Russia"), new ActorDirectory.Actor("RUS", "Sergei Lavrov"),
            new ActorDirectory.Actor("FIN", "Finland")));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private AlertFeed feed;
    private AlertMetrics metrics;
    private DashboardServer server;
    private final List<Alert> alerts = new ArrayList<>();

    @BeforeEach
    void start() {
        feed = AlertFeed.detached(10);
        alerts.addAll(RuleEngine.evaluate(DefaultRules.ruleSet(), Stories.seed(), Instant.EPOCH));
        alerts.addAll(RuleEngine.evaluate(DefaultRules.ruleSet(), Stories.conditionalThreat(), Instant.EPOCH));
        List<AlertFeed.Entry> entries = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            entries.add(new AlertFeed.Entry(i, alerts.get(i), AvroJson.toJson(alerts.get(i))));
        }
        feed.append(entries);
        metrics = new AlertMetrics(Clock.systemUTC());
        server = DashboardServer.start(new DashboardServer.Config("127.0.0.1", 0, feed, () -> "RUNNING", () -> true,
                DefaultRules::ruleSet, () -> null, metrics, null).withActors(ACTORS));
    }

    @AfterEach
    void stop() {
        server.close();
        feed.close();
        metrics.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldServeOneAlertByIdAndRedirectItsDeepLinkToTheDashboard() throws Exception {
        String id = alerts.get(0).getId();

        HttpResponse<String> one = get("/api/alerts/" + id);
        HttpResponse<String> link = get("/alerts/" + id);

        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(AvroJson.mapper().readTree(one.body()).get("storyId").asText()).isEqualTo("seed-1");
        assertThat(link.statusCode()).isEqualTo(302);
        assertThat(link.headers().firstValue("Location")).hasValue("/#alert-" + id);
        assertThat(get("/alerts/" + id + "?mark=2022-02-24=invasion").headers().firstValue("Location"))
                .hasValue("/?mark=2022-02-24=invasion#alert-" + id);
        assertThat(get("/api/alerts/al-000000000000000000000000").statusCode()).isEqualTo(404);
        assertThat(get("/api/alerts/a%22b").statusCode()).isEqualTo(400);
    }

    @Test
    void shouldFilterAlertsByActorNameInAnyCase() throws Exception {
        JsonNode byName = AvroJson.mapper().readTree(get("/api/alerts?actor=lavrov").body());
        JsonNode byOther = AvroJson.mapper().readTree(get("/api/alerts?actor=Finland").body());

        assertThat(byName).hasSize(alerts.size());
        assertThat(byOther).isEmpty();
        HttpResponse<String> unknown = get("/api/alerts?actor=Rusia");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("no actor named 'Rusia' (did you mean Russia (RUS)?)");
    }

    @Test
    void shouldSuggestActorsForTheDashboardsDatalist() throws Exception {
        JsonNode found = AvroJson.mapper().readTree(get("/api/actors?q=lav").body());

        assertThat(get("/api/actors/resolve?name=RUSSIA").body()).isEqualTo("{\"codes\":[\"RUS\"]}");
        assertThat(get("/api/actors/resolve?name=Finlnd").body()).contains("did you mean Finland (FIN)?");
        assertThat(found).singleElement().satisfies(actor -> {
            assertThat(actor.get("code").asText()).isEqualTo("RUS");
            assertThat(actor.get("name").asText()).isEqualTo("Sergei Lavrov");
        });
    }

    @Test
    void shouldDownloadTheAlertsOfAFilterOldestFirst() throws Exception {
        HttpResponse<String> csv = get("/api/alerts/export?format=csv&actor=russia&from=2022-01-26&to=2022-01-26");
        HttpResponse<String> jsonl = get("/api/alerts/export?format=jsonl&minSeverity=CRITICAL");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"wirewatch-alerts.csv\"");
        String[] rows = csv.body().split("\r\n");
        assertThat(rows).hasSize(alerts.size() + 1);
        assertThat(rows[1]).startsWith(alerts.get(0).getId() + ",");
        assertThat(jsonl.body().lines().toList()).allSatisfy(line ->
                assertThat(AvroJson.mapper().readTree(line).get("severity").asText()).isEqualTo("CRITICAL"));
        assertThat(get("/api/alerts/export?format=xml").statusCode()).isEqualTo(400);
    }
}
