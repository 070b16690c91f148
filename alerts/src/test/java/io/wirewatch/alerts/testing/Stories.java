package io.wirewatch.alerts.testing;

import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.EntityType;
import io.wirewatch.schema.Modality;
import io.wirewatch.schema.Signal;
import io.wirewatch.schema.Story;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Enriched stories written for the tests, with their signals built by hand (the seed story may be quoted). */
public final class Stories {

    public static final Instant PUBLISHED = Instant.parse("2022-01-26T18:00:00Z");

    static {
        io.wirewatch.alerts.rules.RuleEngine.trustSchemaClasses();
    }

    private Stories() {
    }

    public static Signal signal(String category, double intensity, Modality modality, @Nullable String source,
                                @Nullable String target, @Nullable String speaker, String evidence, String sentence) {
        return Signal.newBuilder().setCategory(category).setIntensity(intensity).setModality(modality)
                .setSource(source).setTarget(target).setSpeaker(speaker).setEvidence(evidence)
                .setSentence(sentence).setStart(0).setEnd(evidence.length()).setRule("test").build();
    }

    public static Entity actor(String text, EntityType type, String actorId, String actorName) {
        return Entity.newBuilder().setText(text).setType(type).setStart(0).setEnd(text.length())
                .setActorId(actorId).setActorName(actorName).build();
    }

    public static Story story(String id, String title, @Nullable String clusterId, String... paragraphs) {
        return Story.newBuilder().setId(id).setSource("file:test/" + id + ".txt").setUrl("https://example.org/" + id)
                .setTitle(title).setWire("AP").setLanguage("en").setPublishedAt(PUBLISHED)
                .setFetchedAt(PUBLISHED.plusSeconds(60)).setParagraphs(List.of(paragraphs))
                .setContentHash("0".repeat(64)).setClusterId(clusterId).build();
    }

    public static EnrichedStory enriched(Story story, List<Entity> entities, List<Signal> signals, double score) {
        return EnrichedStory.newBuilder().setStory(story).setEntities(new ArrayList<>(entities))
                .setSignals(new ArrayList<>(signals)).setEscalationScore(score)
                .setEnrichedAt(PUBLISHED.plusSeconds(61)).setEnricherVersion("test").build();
    }

    /** The seed: Lavrov's conditional threat of retaliation and the US "no concessions". */
    public static EnrichedStory seed() {
        return seed("seed-1", null);
    }

    public static EnrichedStory seed(String id, @Nullable String clusterId) {
        String lavrov = "\u201CIf the West continues its aggressive course, Moscow will take the necessary "
                + "retaliatory measures,\u201D Lavrov said.";
        String noConcessions = "The Biden and NATO administrations told Russia on Wednesday that there would be no "
                + "concessions from the United States or NATO on Moscow\u2019s main demands.";
        Story story = story(id, "There are no concessions to Russia in the US response", clusterId, noConcessions,
                lavrov);
        return enriched(story,
                List.of(actor("Lavrov", EntityType.PERSON, "PER:SERGEI_LAVROV", "Sergei Lavrov"),
                        actor("the West", EntityType.NORP, "WST", "the West"),
                        actor("Russia", EntityType.GPE, "RUS", "Russia"),
                        actor("United States", EntityType.GPE, "USA", "United States")),
                List.of(signal("REJECT", -4.0, Modality.ASSERTED, "USA", "RUS", null, "no concessions",
                                noConcessions),
                        signal("THREATEN", -7.0, Modality.CONDITIONAL, "RUS", "WST", "PER:SERGEI_LAVROV",
                                "Moscow will take the necessary retaliatory measures", lavrov)),
                8.9);
    }

    /** An unrelated business story: no actors in conflict, no signals. */
    public static EnrichedStory business() {
        Story story = story("biz-1", "Chipmaker raises full-year outlook as orders recover", null,
                "The company said on Tuesday that quarterly revenue rose 12 percent.");
        return enriched(story, List.of(), List.of(), 0.0);
    }

    /** A de-escalation: talks agreed and troops pulled back. */
    public static EnrichedStory deEscalation() {
        String sentence = "Both sides agreed to resume talks in Geneva next week and to pull back troops from the border.";
        Story story = story("calm-1", "Rivals agree to resume talks and pull back troops", null, sentence);
        return enriched(story, List.of(),
                List.of(signal("AGREE", 6.0, Modality.ASSERTED, "RUS", "UKR", null, "agreed to resume talks", sentence),
                        signal("RETREAT", 5.0, Modality.FUTURE, "RUS", "UKR", null, "pull back troops", sentence)),
                0.0);
    }

    /** A denial and a negation: the Kremlin denies plans to attack; no one threatens anyone. */
    public static EnrichedStory denial() {
        String denied = "The Kremlin has repeatedly denied any plans to attack Ukraine.";
        String negated = "Officials said Moscow would not threaten its neighbours.";
        Story story = story("deny-1", "Kremlin denies plans to attack Ukraine", null, denied, negated);
        return enriched(story, List.of(),
                List.of(signal("ASSAULT", -9.0, Modality.DENIED, "RUS", "UKR", null, "plans to attack Ukraine", denied),
                        signal("THREATEN", -7.0, Modality.NEGATED, "RUS", null, null, "would not threaten", negated)),
                0.0);
    }
}
