package io.wirewatch.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvroJsonTest {

    @Test
    void shouldWritePlainJsonWithUnwrappedUnionsEnumsAndIsoTimes() throws Exception {
        Signal signal = Signal.newBuilder()
                .setCategory(PloverCategory.THREATEN).setCameoCode("138").setIntensity(-7.0).setModality(Modality.CONDITIONAL)
                .setSource("RUS").setTarget("WST").setSpeaker("Sergey Lavrov")
                .setEvidence("Moscow will take the necessary retaliatory measures")
                .setSentence("“If the West continues its aggressive course, Moscow will take the necessary retaliatory"
                        + " measures,” Lavrov said.")
                .setStart(10).setEnd(62)
                .build();
        Alert alert = Alert.newBuilder()
                .setId("a1").setRuleId("escalation").setRuleVersion("1").setSeverity(Severity.HIGH)
                .setTitle("Russia threatened the West").setExplanation("because")
                .setStoryId("s1").setStoryTitle("t").setScore(7.5).setEvidence(List.of(signal))
                .setPublishedAt(java.time.Instant.parse("2022-01-26T18:00:00Z"))
                .setRaisedAt(java.time.Instant.parse("2022-01-26T18:00:01Z"))
                .build();

        JsonNode json = AvroJson.mapper().readTree(AvroJson.toJson(alert));

        assertThat(json.get("severity").asText()).isEqualTo("HIGH");
        assertThat(json.get("storyUrl").isNull()).isTrue();
        assertThat(json.get("publishedAt").asText()).isEqualTo("2022-01-26T18:00:00Z");
        assertThat(json.get("evidence").get(0).get("modality").asText()).isEqualTo("CONDITIONAL");
        assertThat(json.get("evidence").get(0).get("category").asText()).isEqualTo("THREATEN");
        assertThat(json.get("quadClass").asText()).isEqualTo("UNKNOWN");
        assertThat(json.get("evidence").get(0).get("speaker").asText()).isEqualTo("Sergey Lavrov");
        assertThat(json.get("evidence").get(0).get("intensity").asDouble()).isEqualTo(-7.0);
    }
}
