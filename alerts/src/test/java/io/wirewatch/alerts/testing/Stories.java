package io.wirewatch.alerts.testing;

import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.EntityType;
import io.wirewatch.schema.Modality;
import io.wirewatch.schema.PloverCategory;
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
        io.wirewatch.schema.GeneratedClasses.trust();
    }

    private Stories() {
    }

    public static Signal signal(String category, double intensity, Modality modality, @Nullable String source,
                                @Nullable String target, @Nullable String speaker, String evidence, String sentence) {
        return Signal.newBuilder().setCategory(PloverCategory.valueOf(category)).setIntensity(intensity).setModality(modality)
                .setSource(source).setTarget(target).setSpeaker(speaker).setEvidence(evidence)
                .setSentence(sentence).setStart(0).setEnd(evidence.length()).setRule("test").build();
    }

    public static Entity actor(String text, EntityType type, String actorId, String actorName) {
        return Entity.newBuilder().setText(text).setType(type).setStart(0).setEnd(text.length())
                .setActorId(actorId).setActorName(actorName).build();
    }

    /** A mention of an actor who acts for {@code country}: a person, a ministry. */
    public static Entity actor(String text, EntityType type, String actorId, String actorName, String country) {
        return Entity.newBuilder(actor(text, type, actorId, actorName)).setCountry(country).build();
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
                List.of(actor("Lavrov", EntityType.PERSON, "PER:SERGEI_LAVROV", "Sergei Lavrov", "RUS"),
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

    /** A signal whose evidence span is where it stands in {@code sentence}, as the enricher gives it. */
    public static Signal at(int sentenceStart, String category, double intensity, Modality modality,
                            @Nullable String source, @Nullable String target, @Nullable String speaker,
                            String evidence, String sentence) {
        int at = Math.max(0, sentence.indexOf(evidence));
        return Signal.newBuilder(signal(category, intensity, modality, source, target, speaker, evidence, sentence))
                .setStart(sentenceStart + at).setEnd(sentenceStart + at + evidence.length()).build();
    }

    /**
     * The seed as the enricher tags it, with the signals that made a poor headline: a passing "deployed" (MOBILIZE,
     * the most negative intensity), a speculative "invasion", an unattributed sanction, a denied attack.
     */
    public static EnrichedStory seedAsTagged() {
        String lede = "The Biden and NATO administrations told Russia on Wednesday that there would be no "
                + "concessions from the United States or NATO on Moscow\u2019s main demands.";
        String blinken = "The US and European response to any Russian invasion of Ukraine will also not be "
                + "negotiated, he said, reiterating the mantra that any such incursion would have huge consequences "
                + "and heavy economic costs.";
        String stoltenberg = "\u201CRussia should also withdraw its forces from Ukraine, Georgia and Moldova, where "
                + "they are deployed without the consent of these countries,\u201D he said.";
        String lavrov = "\u201CIf the West continues its aggressive course, Moscow will take the necessary "
                + "retaliatory measures,\u201D Lavrov said.";
        String diplomats = "The United States, Britain, Australia, Germany and Canada have moved on to withdraw "
                + "some of their diplomats from Kiev.";
        String denied = "Russia has denied that it intends to attack Ukraine.";
        Story story = story("seed-tagged", "There are no concessions to Russia in the US response", null, lede,
                blinken, stoltenberg, lavrov, diplomats, denied);
        int p2 = lede.length() + 2;
        int p3 = p2 + blinken.length() + 2;
        int p4 = p3 + stoltenberg.length() + 2;
        int p5 = p4 + lavrov.length() + 2;
        int p6 = p5 + diplomats.length() + 2;
        return enriched(story,
                List.of(actor("Lavrov", EntityType.PERSON, "PER:SERGEI_LAVROV", "Sergei Lavrov", "RUS"),
                        actor("Blinken", EntityType.PERSON, "PER:ANTONY_BLINKEN", "Antony Blinken", "USA"),
                        actor("Stoltenberg", EntityType.PERSON, "PER:JENS_STOLTENBERG", "Jens Stoltenberg", "NOR"),
                        actor("the West", EntityType.NORP, "WST", "the West"),
                        actor("Russia", EntityType.GPE, "RUS", "Russia"),
                        actor("United States", EntityType.GPE, "USA", "United States")),
                List.of(at(0, "REJECT", -4.0, Modality.ASSERTED, "USA", "RUS", "NATO", "no concessions", lede),
                        at(p2, "ASSAULT", -10.0, Modality.SPECULATIVE, "RUS", "UKR", "Antony Blinken", "invasion",
                                blinken),
                        at(p2, "THREATEN", -5.8, Modality.CONDITIONAL, "USA", "RUS", "Antony Blinken",
                                "heavy economic costs", blinken),
                        at(p3, "DEMAND", -5.0, Modality.ASSERTED, "NOR", "RUS", "Jens Stoltenberg",
                                "should also withdraw", stoltenberg),
                        at(p3, "MOBILIZE", -7.2, Modality.ASSERTED, "RUS", null, "Jens Stoltenberg", "deployed",
                                stoltenberg),
                        at(p4, "THREATEN", -4.4, Modality.CONDITIONAL, "RUS", "WST", "Sergei Lavrov",
                                "retaliatory measures", lavrov),
                        at(p5, "SANCTION", -7.0, Modality.ASSERTED, "USA", "UKR", null,
                                "withdraw some of their diplomats", diplomats),
                        at(p6, "ASSAULT", -10.0, Modality.DENIED, "RUS", "UKR", "Government of Russia", "attack",
                                denied)),
                142.66);
    }

    /** Russia's conditional threat of countermeasures, a rejection, and NATO urging a withdrawal. */
    public static EnrichedStory conditionalThreat() {
        String warned = "Russia's foreign ministry warned on Thursday that Moscow would take military-technical "
                + "countermeasures if NATO went ahead with plans to expand its deployments in the Baltic states.";
        String rejected = "She said Moscow rejected Western claims that the deployments were purely defensive.";
        String urged = "NATO Secretary-General Jens Stoltenberg said in Brussels that the alliance would not be "
                + "intimidated and urged Russia to withdraw its forces from the border with Ukraine.";
        Story story = story("threat-1", "Russia warns of response if NATO expands deployments in Baltics", null,
                warned, rejected, urged);
        int p2 = warned.length() + 2;
        int p3 = p2 + rejected.length() + 2;
        return enriched(story,
                List.of(actor("Jens Stoltenberg", EntityType.PERSON, "PER:JENS_STOLTENBERG", "Jens Stoltenberg", "NOR"),
                        actor("Russia's foreign ministry", EntityType.ORG, "RUSGOV", "Government of Russia", "RUS"),
                        actor("Russia", EntityType.GPE, "RUS", "Russia"),
                        actor("NATO", EntityType.ORG, "NATO", "NATO")),
                List.of(at(0, "THREATEN", -4.4, Modality.CONDITIONAL, "RUS", "NATO", "Government of Russia",
                                "countermeasures", warned),
                        at(p2, "REJECT", -4.0, Modality.ASSERTED, "RUS", "WST", null, "rejected", rejected),
                        at(p3, "DEMAND", -5.0, Modality.ASSERTED, "NOR", "RUS", "Jens Stoltenberg", "urged", urged)),
                11.2);
    }

    /** An offer to host talks, with one call on another country: no escalation. */
    public static EnrichedStory talksOffer() {
        String host = "Finland said on Thursday it would host talks between the United States and Russia.";
        String urged = "The Finnish government urged Washington to consider the venue.";
        Story story = story("talks-1", "Finland offers to host talks", null, host, urged);
        return enriched(story, List.of(),
                List.of(at(0, "AGREE", 4.0, Modality.FUTURE, "FIN", "RUS", "Government of Finland", "host", host),
                        at(host.length() + 2, "DEMAND", -5.0, Modality.ASSERTED, "FIN", "USA",
                                "Government of Finland", "urged", urged)),
                5.0);
    }

    /** Exercises with no one they are aimed at, and a denied offer to host them. */
    public static EnrichedStory drills() {
        String drills = "Belarus began joint drills on Monday; the exercises will last ten days.";
        Story story = story("drills-1", "Belarus begins exercises", null, drills);
        return enriched(story, List.of(),
                List.of(signal("MOBILIZE", -7.2, Modality.ASSERTED, "BLR", null, null, "joint drills", drills),
                        signal("MOBILIZE", -7.2, Modality.ASSERTED, "BLR", null, null, "exercises", drills),
                        signal("CONSULT", 2.8, Modality.DENIED, "BLR", "LTU", null, "host", drills)),
                28.8);
    }
}
