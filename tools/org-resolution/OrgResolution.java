import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirewatch.nlp.entity.ActorTagger;
import io.wirewatch.nlp.kb.ActorKb;
import io.wirewatch.nlp.ner.PerceptronNameFinder;
import io.wirewatch.nlp.text.TextDocument;
import io.wirewatch.nlp.text.WireSentenceSplitter;
import io.wirewatch.schema.Entity;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * How many gold actors of an organisation's sector (armed groups REB and IMG, armed forces MIL, police COP, courts
 * JUD, parliaments LEG) the shipped tagger resolves to the gold code: an entity inside or around the gold actor's
 * words whose dyad code, in the gold file's vocabulary, is the gold code. A JDK 17 single-file program run on the
 * application's classpath (development data only; never on the held-out files):
 *
 * <pre>
 * ./mvnw -B -q -o -DskipTests -pl app -am package
 * java -cp 'app/target/wirewatch.jar:app/target/lib/*' tools/org-resolution/OrgResolution.java \
 *     /work/devset-data/dev.json
 * </pre>
 */
public final class OrgResolution {

    private static final Set<String> ORG_SECTORS = Set.of("REB", "MIL", "COP", "JUD", "LEG");

    public static void main(String[] args) throws Exception {
        JsonNode records = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        ActorTagger tagger = ActorTagger.standard(PerceptronNameFinder.bundled());
        ActorKb kb = tagger.kb();
        int actors = 0;
        int resolved = 0;
        for (JsonNode record : records) {
            String text = record.get("text").asText();
            TextDocument document = TextDocument.of("", List.of(text),
                    LocalDate.parse(record.get("date").asText()).atStartOfDay().toInstant(ZoneOffset.UTC),
                    WireSentenceSplitter.standard());
            List<Entity> entities = tagger.tag(document);
            for (String side : List.of("source", "target")) {
                for (JsonNode actor : record.get(side)) {
                    String code = actor.path("code").asText(null);
                    String sector = actor.path("sector").asText("");
                    if (code == null || !(ORG_SECTORS.contains(sector) || code.equals("IMG"))) {
                        continue;
                    }
                    String words = actor.get("actorText").asText();
                    int at = document.text().indexOf(words);
                    if (at < 0) {
                        continue; // the gold words are not verbatim in the sentence
                    }
                    actors++;
                    boolean found = false;
                    for (Entity entity : entities) {
                        boolean overlaps = entity.getStart() < at + words.length() && entity.getEnd() > at;
                        if (overlaps && code.equals(goldCode(kb, entity))) {
                            found = true;
                        }
                    }
                    if (found) {
                        resolved++;
                    } else if (args.length > 1) {
                        System.out.println("unresolved: " + words + " (" + code + " " + sector + ") in "
                                + record.get("id").asText());
                    }
                }
            }
        }
        System.out.printf("gold actors of an organisation's sector, verbatim in their sentence: %d, resolved to the"
                + " gold code: %d (%.1f%%)%n", actors, resolved, 100.0 * resolved / actors);
    }

    private static String goldCode(ActorKb kb, Entity entity) {
        if (entity.getCountry() != null) {
            return entity.getCountry();
        }
        String id = entity.getActorId();
        return id != null && kb.actor(id).map(a -> "armed group".equals(a.sector())).orElse(false) ? "IMG" : id;
    }
}
