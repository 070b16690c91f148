package io.wirewatch.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.alerts.rules.DefaultRules;
import io.wirewatch.alerts.testing.KeptDyadWindows;
import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.DateSource;
import io.wirewatch.schema.DyadWindow;
import io.wirewatch.schema.EnrichedStory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /api/dyads/timeline} over dyad windows kept in memory as the topology's store holds them, and {@code /api/stories}. */
class DyadAndStoryEndpointsTest {

    private static final Instant NOW = Instant.parse("2022-01-27T12:00:00Z");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final KeptDyadWindows dyads = KeptDyadWindows.of(KeptDyadWindows.twoDays().toArray(DyadWindow[]::new));
    private AlertFeed feed;
    private AlertMetrics metrics;
    private DashboardServer server;

    /** Stories in memory, as the topology's store would hold them. */
    private static final class Kept implements StoryLookup {
        private final List<EnrichedStory> stories;

        Kept(EnrichedStory... stories) {
            this.stories = List.of(stories);
        }

        @Override
        public @Nullable EnrichedStory byId(String storyId) {
            return stories.stream().filter(s -> s.getStory().getId().equals(storyId)).findFirst().orElse(null);
        }

        @Override
        public List<EnrichedStory> search(StoryQuery query, int limit) {
            return stories.stream().filter(query).limit(limit).toList();
        }
    }

    private void start(DyadTimelines timelines, StoryLookup stories) {
        feed = AlertFeed.detached(10);
        metrics = new AlertMetrics(Clock.systemUTC());
        server = DashboardServer.start(new DashboardServer.Config("127.0.0.1", 0, feed, () -> "RUNNING", () -> true,
                DefaultRules::ruleSet, () -> null, metrics, null, timelines, stories,
                Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (feed != null) {
            feed.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldAnswerTheKeptWindowsOfTheAskedPairWithCheckedParameters() throws Exception {
        start(dyads, StoryLookup.NONE);

        HttpResponse<String> response = get("/api/dyads/timeline?source=rus&target=WST&window=day"
                + "&from=2022-01-01T00:00:00Z&to=2022-02-01T00:00:00Z");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode windows = AvroJson.mapper().readTree(response.body());
        assertThat(windows).hasSize(2);
        assertThat(windows.get(0).get("windowStart").asText()).isEqualTo("2022-01-25T00:00:00Z");
        assertThat(windows.get(1).get("intensityMean").asDouble()).isEqualTo(-4.4);
        assertThat(dyads.asked()).containsExactly(new KeptDyadWindows.Asked("RUS", "WST", "DAY",
                Instant.parse("2022-01-01T00:00:00Z"), Instant.parse("2022-02-01T00:00:00Z")));
        assertThat(get("/api/dyads/timeline?source=RUS&target=WST&from=2022-01-26T00:00:01Z&to=2022-02-01T00:00:00Z")
                .body()).isEqualTo("[]");
    }

    @Test
    void shouldAskTheLastThirtyDaysByDefault() throws Exception {
        start(dyads, StoryLookup.NONE);

        assertThat(get("/api/dyads/timeline?source=RUS&target=USA").statusCode()).isEqualTo(200);

        assertThat(dyads.asked()).containsExactly(new KeptDyadWindows.Asked("RUS", "USA", "DAY",
                Instant.parse("2021-12-28T12:00:00Z"), Instant.parse("2022-01-27T12:00:00Z")));
    }

    @Test
    void shouldRefuseBadTimelineParametersWithoutReadingTheStore() throws Exception {
        start(dyads, StoryLookup.NONE);

        assertThat(get("/api/dyads/timeline?target=USA").body()).contains("missing query parameter 'source'");
        assertThat(get("/api/dyads/timeline?source=R%26S&target=USA").body()).contains("source must be an actor id");
        assertThat(get("/api/dyads/timeline?source=RUS&target=USA&window=WEEK").body())
                .contains("window must be DAY or HOUR");
        assertThat(get("/api/dyads/timeline?source=RUS&target=USA&from=yesterday").body())
                .contains("from must be an ISO-8601 instant");
        assertThat(get("/api/dyads/timeline?source=RUS&target=USA&from=2022-02-01T00:00:00Z"
                + "&to=2022-01-01T00:00:00Z").body()).contains("from must be before to");
        assertThat(get("/api/dyads/timeline?source=RUS&target=USA&from=2020-01-01T00:00:00Z").statusCode())
                .isEqualTo(400);
        assertThat(dyads.asked()).isEmpty();
    }

    @Test
    void shouldRefuseAnExtremeToDateWith400() throws Exception {
        start(dyads, StoryLookup.NONE);

        var earliest = get("/api/dyads/timeline?source=RUS&target=USA&to=-1000000000-01-01T00:00:00Z");

        assertThat(earliest.statusCode()).isEqualTo(400);
        assertThat(earliest.body()).contains("-1000000000-01-01T00:00:00Z");
        assertThat(get("/api/dyads/timeline?source=RUS&target=USA&from=-1000000000-01-01T00:00:00Z"
                + "&to=+1000000000-12-31T23:59:59Z").statusCode()).isEqualTo(400);
        assertThat(dyads.asked()).isEmpty();
    }

    @Test
    void shouldAnswer503SayingWhyWhenTheWindowsCannotBeRead() throws Exception {
        start(DyadTimelines.NONE, StoryLookup.NONE);
        HttpResponse<String> none = get("/api/dyads/timeline?source=RUS&target=USA");
        assertThat(none.statusCode()).isEqualTo(503);
        assertThat(none.body()).contains("this dashboard keeps no dyad windows");
        server.close();

        start(dyads, StoryLookup.NONE);
        dyads.failWith("the dyad window store is not queryable (Kafka Streams is REBALANCING)");
        HttpResponse<String> rebalancing = get("/api/dyads/timeline?source=RUS&target=USA");
        assertThat(rebalancing.statusCode()).isEqualTo(503);
        assertThat(rebalancing.body()).contains("cannot be read now: the dyad window store is not queryable "
                + "(Kafka Streams is REBALANCING)");
    }

    @Test
    void shouldServeAKeptStoryWithItsTextEntitiesAndSignals() throws Exception {
        start(DyadTimelines.NONE, new Kept(Stories.seedAsTagged(), Stories.talksOffer()));

        HttpResponse<String> response = get("/api/stories/seed-tagged");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode story = AvroJson.mapper().readTree(response.body());
        String text = story.get("text").asText();
        JsonNode lavrov = story.get("signals").get(5);
        assertThat(text.substring(lavrov.get("start").asInt(), lavrov.get("end").asInt()))
                .as("spans index the text").isEqualTo("retaliatory measures");
        assertThat(story.get("entities")).hasSize(6);
        assertThat(story.get("story").get("title").asText()).isEqualTo(
                "There are no concessions to Russia in the US response");

        HttpResponse<String> missing = get("/api/stories/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no story with this id is kept");
    }

    @Test
    void shouldFindStoriesHoldingEveryWord() throws Exception {
        start(DyadTimelines.NONE, new Kept(Stories.seedAsTagged(), Stories.talksOffer(), Stories.conditionalThreat()));

        JsonNode found = AvroJson.mapper().readTree(get("/api/stories?q=Retaliatory%20Lavrov").body());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("id").asText()).isEqualTo("seed-tagged");
        assertThat(found.get(0).get("snippet").asText()).contains("retaliatory");
        assertThat(AvroJson.mapper().readTree(get("/api/stories?q=host").body())).hasSize(1);
        assertThat(get("/api/stories").statusCode()).isEqualTo(400);
        assertThat(get("/api/stories?q=retaliat").body()).as("whole words only").isEqualTo("[]");
        assertThat(get("/api/stories?q=a&limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void shouldMatchWholeWordsNotPartsOfWords() throws Exception {
        EnrichedStory warsaw = Stories.enriched(Stories.story("warsaw-1", "Leaders meet in Warsaw", null,
                "Leaders met in Warsaw to talk about software."), List.of(), List.of(), 0.0);
        EnrichedStory war = Stories.enriched(Stories.story("war-1", "A War of words", null,
                "The war of words went on."), List.of(), List.of(), 0.0);
        start(DyadTimelines.NONE, new Kept(warsaw, war));

        JsonNode found = AvroJson.mapper().readTree(get("/api/stories?q=WAR").body());

        assertThat(found).extracting(n -> n.get("id").asText()).containsExactly("war-1");
        assertThat(found.get(0).get("snippet").asText()).contains("war of words");
    }

    @Test
    void shouldListQuietStoriesAndLeaveOutPagesThatCouldNotBeRead() throws Exception {
        EnrichedStory failed = Stories.enriched(Stories.story("failed-1", "Paywalled story about Russia", null),
                List.of(), List.of(), 0.0);
        failed.getStory().setFetchStatus("HTTP 403");
        EnrichedStory summary = Stories.enriched(Stories.story("summary-1", "Russia and Ukraine talk", null,
                "Russia and Ukraine held talks, the feed said."), List.of(), List.of(), 0.0);
        summary.getStory().setFetchStatus("HTTP 403");
        summary.getStory().setFromFeedSummary(true);
        summary.getStory().setPublishedAt(null);
        summary.getStory().setDateSource(DateSource.READ);
        start(DyadTimelines.NONE, new Kept(Stories.seed(), Stories.business(), failed, summary));

        JsonNode quiet = AvroJson.mapper().readTree(get("/api/stories?signals=none").body());
        JsonNode russia = AvroJson.mapper().readTree(get("/api/stories?q=russia").body());

        assertThat(quiet).extracting(n -> n.get("id").asText())
                .containsExactlyInAnyOrder(Stories.business().getStory().getId(), "summary-1");
        assertThat(russia).extracting(n -> n.get("id").asText()).containsExactlyInAnyOrder("seed-1", "summary-1");
        assertThat(russia).filteredOn(n -> n.get("id").asText().equals("summary-1"))
                .singleElement().satisfies(n -> {
                    assertThat(n.get("fromFeedSummary").asBoolean()).isTrue();
                    assertThat(n.get("dateSource").asText()).as("the story list says it stands at read time")
                            .isEqualTo("READ");
                });
        assertThat(russia).filteredOn(n -> n.get("id").asText().equals("seed-1")).singleElement()
                .satisfies(n -> assertThat(n.get("dateSource").isNull()).as("written before the mark, dated: by"
                        + " what it did not say").isTrue());
        assertThat(get("/api/stories?signals=loud").body()).contains("signals must be any, none");
    }

    @Test
    void shouldExportTheStoriesOfAFilterAsCsv() throws Exception {
        start(DyadTimelines.NONE, new Kept(Stories.seed(), Stories.business()));

        HttpResponse<String> csv = get("/api/stories/export?format=csv&actor=WST");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"wirewatch-stories.csv\"");
        String[] rows = csv.body().split("\r\n");
        assertThat(rows).hasSize(2);
        assertThat(rows[1]).startsWith("seed-1,2022-01-26,");
    }

    @Test
    void shouldAnswer503WhenStoriesCannotBeReadNow() throws Exception {
        start(DyadTimelines.NONE, new StoryLookup() {
            @Override
            public @Nullable EnrichedStory byId(String storyId) {
                throw new IllegalStateException("Kafka Streams is REBALANCING");
            }

            @Override
            public List<EnrichedStory> search(StoryQuery query, int limit) {
                throw new IllegalStateException("Kafka Streams is REBALANCING");
            }
        });

        assertThat(get("/api/stories/x").statusCode()).isEqualTo(503);
        HttpResponse<String> search = get("/api/stories?q=x");
        assertThat(search.statusCode()).isEqualTo(503);
        assertThat(search.body()).contains("REBALANCING");
    }
}
