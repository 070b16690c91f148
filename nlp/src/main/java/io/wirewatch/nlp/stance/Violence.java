package io.wirewatch.nlp.stance;

import io.wirewatch.nlp.text.Token;
import io.wirewatch.schema.Entity;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which kind of violence an attack, a killing or a bombing is, once its actor is known: conventional military
 * force (PLOVER FIGHT, CAMEO 19x) or unconventional violence (ASSAULT, CAMEO 18x). The CAMEO codebook draws the line
 * by who acts and how: gunmen, militants and guerrillas who kill, bomb or attack use unconventional violence
 * ("Al-Shabaab militants kill a village chief", "guerrillas wounded two soldiers in a bomb attack"), while battles,
 * shoot-outs and the means of war (air strikes, shelling, missiles, drones) are military force whoever uses them
 * ("rebels shelled the capital", "a shootout between soldiers and gunmen"), and so is taking ground.
 */
final class Violence {

    /** Fighters outside a state's forces, named by what they are rather than by a group's name. */
    static final Set<String> IRREGULAR = Set.of("gunmen", "gunman", "militants", "militant", "guerrillas",
            "guerrilla", "guerillas", "insurgents", "militiamen", "attackers", "assailants", "jihadists",
            "terrorists", "bandits", "extremists", "bombers", "bomber");
    /** Words of a battle between armed sides, or of the means only an army or an armed force fields. */
    static final Set<String> COMBAT = Set.of("clash", "clashes", "clashed", "fighting", "battle", "battles",
            "battled", "gunbattle", "gunbattles", "shootout", "shoot-out", "firefight", "gunfight", "offensive",
            "drone", "drones", "raid", "raids", "frontline", "front");
    /** The rules whose act is an attack, a killing, a shooting or a bombing: the ones this distinction applies to. */
    private static final Set<String> ATTACKS = Set.of("fight.attack", "fight.bomb", "fight.open-fire",
            "fight.fire", "assault.kill", "assault.shoot");
    /** Sectors of the knowledge base that are armed groups outside a state's forces. */
    private static final Set<String> IRREGULAR_SECTORS = Set.of("armed group", "rebels", "insurgents");
    /** Words that capture ground: taking territory is military force even for an armed group. */
    private static final Set<String> TAKING_GROUND = Set.of("capture", "captures", "captured", "capturing",
            "retake", "retakes", "retook", "retaken", "overran", "overrun", "overruns", "invade", "invaded",
            "invades", "invading", "invasion", "incursion", "incursions");

    private final List<Token> tokens;
    private final ContextChecks checks;

    Violence(List<Token> tokens, ContextChecks checks) {
        this.tokens = tokens;
        this.checks = checks;
    }

    /**
     * Whether a FIGHT found by {@code rule} over tokens {@code [start, end)} is unconventional violence because
     * its actor ({@code source}, a mention of it if the sentence has one) is an irregular force and nothing in the
     * sentence makes it a battle or an act of war.
     */
    boolean byIrregulars(String rule, int start, int end, @Nullable ActorRef source) {
        if (!ATTACKS.contains(rule) || checks.weaponsOfWar() || combat() || takesGround(start)) {
            return false;
        }
        if (source != null && irregular(source)) {
            return true;
        }
        // "gunmen attacked the village", "was attacked by militants": the fighters named by what they are
        for (int i = Math.max(0, start - 4); i < start; i++) {
            if (IRREGULAR.contains(tokens.get(i).norm())) {
                return true;
            }
        }
        return end + 1 < tokens.size() && tokens.get(end).norm().equals("by")
                && IRREGULAR.contains(tokens.get(end + 1).norm());
    }

    /** Whether the act at {@code start} takes ground ("rebels capture the town"): FIGHT even where civilians die. */
    boolean takesGround(int start) {
        return TAKING_GROUND.contains(tokens.get(start).norm());
    }

    /** A bombing, as opposed to a shooting or a killing: CAMEO 183 rather than 180. */
    boolean bombing(int start, int end) {
        for (int i = start; i < end; i++) {
            if (tokens.get(i).norm().startsWith("bomb")) {
                return true;
            }
        }
        return false;
    }

    private boolean combat() {
        for (Token token : tokens) {
            if (COMBAT.contains(token.norm())) {
                return true;
            }
        }
        return false;
    }

    /** A group the knowledge base knows as armed and outside a state, or a mention that names its fighters so. */
    private boolean irregular(ActorRef ref) {
        Entity entity = ref.entity();
        if (entity != null && entity.getSector() != null && IRREGULAR_SECTORS.contains(entity.getSector())) {
            return true;
        }
        for (int i = Math.max(ref.start(), ref.end() - 1); i < Math.min(tokens.size(), ref.end() + 2); i++) {
            if (IRREGULAR.contains(tokens.get(i).norm())) {
                return true; // "Al-Shabaab militants", "Irish nationalist guerrillas"
            }
        }
        return false;
    }
}
