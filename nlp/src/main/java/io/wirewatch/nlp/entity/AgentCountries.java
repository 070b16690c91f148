package io.wirewatch.nlp.entity;

import io.wirewatch.nlp.kb.Actor;
import io.wirewatch.nlp.kb.ActorKb;
import io.wirewatch.nlp.text.Token;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.EntityType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The country of an actor named by its role ("police", "the army", "a court", "Judge Paul Kellar"), as news prose
 * gives it: in the sentence, by a possessor before it ("Syria's army", "Karachi's police") or a place or state
 * after "of" or "in" ("the military of South Korea", "police in Karachi", "a court in Brussels"); else the country
 * of the last actor of its sector the story named ("Israeli troops … the army"); else the story's dominant
 * country, the one its places and states name most (a place or state counts twice, any other actor of a country
 * once; the first named wins a tie). An agent in a story that names no country stays its sector alone
 * ({@code COP}). An agent word right beside a name describes that name and is no actor of its own ("Boko Haram
 * gunmen", "the militant group Hamas", "the Los Choneros cartel"), and one after a possessive pronoun belongs to
 * whoever the pronoun stands for, which the story's country does not say ("… have moved to withdraw some of their
 * diplomats"): both are left out.
 */
final class AgentCountries {

    private static final Set<String> AFTER = Set.of("of", "in");
    private static final Set<String> POSSESSIVE_PRONOUNS = Set.of("their", "its", "his", "her", "our", "my", "your");

    private final ActorKb kb;

    AgentCountries(ActorKb kb) {
        this.kb = kb;
    }

    /** Whether the entity is an agent or a titled person still without a country that may get one. */
    static boolean pending(Entity entity) {
        return entity.getActorId() != null && entity.getCountry() == null
                && ActorKb.isAgentSector(entity.getSector());
    }

    /** Gives the agents among {@code out[from..]}, one sentence's entities, the country the sentence names. */
    void inSentence(List<Token> tokens, List<Entity> out, int from) {
        for (int e = from; e < out.size(); e++) {
            Entity entity = out.get(e);
            if (!pending(entity)) {
                continue;
            }
            if (entity.getType() != EntityType.PERSON && (besideName(tokens, out, from, e)
                    || ownedByPronoun(tokens, entity))) {
                out.remove(e--);
                continue;
            }
            String country = possessor(tokens, out, from, entity);
            if (country == null) {
                country = placeAfter(tokens, out, from, entity);
            }
            if (country != null) {
                out.set(e, withCountry(entity, country));
            }
        }
    }

    /**
     * Gives the agents the sentence left without a country the country of the last actor of their sector the
     * story named before them ("The Israeli military reports that the air force has struck …": Israel's), else
     * the story's dominant country, if it has one.
     */
    void inStory(List<Entity> out) {
        String dominant = dominant(out);
        for (int e = 0; e < out.size(); e++) {
            Entity entity = out.get(e);
            if (!pending(entity)) {
                continue;
            }
            String country = dominant;
            for (int before = e - 1; before >= 0; before--) {
                Entity earlier = out.get(before);
                if (earlier.getType() != EntityType.PERSON && entity.getSector().equals(earlier.getSector())
                        && stateOf(earlier) != null) {
                    country = stateOf(earlier);
                    break;
                }
            }
            if (country != null) {
                out.set(e, withCountry(entity, country));
            }
        }
    }

    private @Nullable String dominant(List<Entity> entities) {
        Map<String, Integer> weight = new HashMap<>();
        Map<String, Integer> first = new HashMap<>();
        for (int e = 0; e < entities.size(); e++) {
            Entity entity = entities.get(e);
            String country = stateOf(entity);
            if (country == null) {
                continue;
            }
            boolean where = "place".equals(entity.getSector()) || "state".equals(entity.getSector());
            weight.merge(country, where ? 2 : 1, Integer::sum);
            first.putIfAbsent(country, e);
        }
        String best = null;
        for (Map.Entry<String, Integer> entry : weight.entrySet()) {
            if (best == null || entry.getValue() > weight.get(best)
                    || entry.getValue().equals(weight.get(best)) && first.get(entry.getKey()) < first.get(best)) {
                best = entry.getKey();
            }
        }
        return best;
    }

    /** The country of a state, a place or an actor of a state; null for international bodies and agents. */
    private @Nullable String stateOf(Entity entity) {
        String country = entity.getCountry();
        if (country == null || entity.getActorId() == null && !"place".equals(entity.getSector())) {
            return null;
        }
        return kb.actor(country).filter(actor -> "state".equals(actor.sector())).isPresent() ? country : null;
    }

    private static boolean ownedByPronoun(List<Token> tokens, Entity agent) {
        int start = tokenAt(tokens, agent.getStart());
        return start > 0 && POSSESSIVE_PRONOUNS.contains(tokens.get(start - 1).norm());
    }

    /** Whether a named actor (not a place, not another agent) stands right before or after the agent. */
    private static boolean besideName(List<Token> tokens, List<Entity> out, int from, int index) {
        Entity agent = out.get(index);
        int start = tokenAt(tokens, agent.getStart());
        int end = tokenAt(tokens, agent.getEnd() - 1) + 1;
        for (int e = from; e < out.size(); e++) {
            Entity other = out.get(e);
            if (e == index || other.getActorId() == null || "place".equals(other.getSector()) || pending(other)
                    || other.getType() == EntityType.PERSON) {
                continue;
            }
            if (start > 0 && other.getEnd() == tokens.get(start - 1).end()
                    || end < tokens.size() && other.getStart() == tokens.get(end).start()) {
                return true;
            }
        }
        return false;
    }

    /** "Syria's army", "Pakistan's national police": a possessor at most two words before the agent. */
    private @Nullable String possessor(List<Token> tokens, List<Entity> out, int from, Entity agent) {
        int start = tokenAt(tokens, agent.getStart());
        for (int i = start - 1; i >= Math.max(0, start - 3); i--) {
            if (tokens.get(i).norm().equals("'s")) {
                Entity owner = endingAt(out, from, tokens.get(i).start());
                return owner == null ? null : stateOf(owner);
            }
            if (!tokens.get(i).word() || tokens.get(i).capitalised()) {
                return null;
            }
        }
        return null;
    }

    /** "the military of South Korea", "police in Karachi": a state or place right after "of" or "in". */
    private @Nullable String placeAfter(List<Token> tokens, List<Entity> out, int from, Entity agent) {
        int i = tokenAt(tokens, agent.getEnd() - 1) + 1;
        if (i <= 0 || i >= tokens.size() || !AFTER.contains(tokens.get(i).norm())) {
            return null;
        }
        i++;
        if (i < tokens.size() && tokens.get(i).norm().equals("the")) {
            i++;
        }
        if (i >= tokens.size()) {
            return null;
        }
        for (int e = from; e < out.size(); e++) {
            Entity entity = out.get(e);
            if (entity.getStart() == tokens.get(i).start() && (entity.getType() == EntityType.GPE
                    || "place".equals(entity.getSector()) || "state".equals(entity.getSector()))) {
                return stateOf(entity);
            }
        }
        return null;
    }

    private Entity withCountry(Entity entity, String country) {
        if (entity.getType() == EntityType.PERSON) {
            return copy(entity).setActorId(entity.getActorId()).setActorName(entity.getActorName())
                    .setSector(entity.getSector()).setCountry(country).build(); // "Judge Paul Kellar", of the story's
        }
        Actor agent = kb.actor(entity.getActorId()).orElse(null);
        Actor own = agent == null ? null : kb.countryAgent(agent, country).orElse(null);
        if (own == null) {
            return entity;
        }
        return copy(entity).setActorId(own.id()).setActorName(own.name()).setCountry(own.country())
                .setSector(own.sector()).build();
    }

    /** The entity's words and span (Avro's copying builder refuses our enum types as untrusted classes). */
    private static Entity.Builder copy(Entity entity) {
        return Entity.newBuilder().setText(entity.getText()).setType(entity.getType()).setStart(entity.getStart())
                .setEnd(entity.getEnd()).setNameEnd(entity.getNameEnd()).setNameType(entity.getNameType());
    }

    private static @Nullable Entity endingAt(List<Entity> out, int from, int end) {
        for (int e = from; e < out.size(); e++) {
            if (out.get(e).getEnd() == end) {
                return out.get(e);
            }
        }
        return null;
    }

    private static int tokenAt(List<Token> tokens, int offset) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).start() <= offset && offset < tokens.get(i).end()) {
                return i;
            }
        }
        return -1;
    }
}
