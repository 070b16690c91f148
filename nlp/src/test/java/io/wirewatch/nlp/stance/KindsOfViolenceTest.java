package io.wirewatch.nlp.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Conventional military force (FIGHT) or unconventional violence (ASSAULT): who acts and how. Short wire stories,
 * each with the reading the CAMEO codebook gives it.
 */
class KindsOfViolenceTest {

    private static Signal first(String story) {
        List<Signal> signals = Tagging.signals(story);
        assertThat(signals).as(Tagging.describe(signals)).isNotEmpty();
        return signals.get(0);
    }

    @Test
    void shouldReadKillingsAndBombingsByArmedGroupsAsUnconventionalViolence() {
        Signal killing = first("NAIROBI (Wire) — Al-Shabaab militants killed a village chief and a teacher in"
                + " Garissa County on Monday, police said.");
        assertThat(killing.getCategory()).isEqualTo(PloverCategory.ASSAULT);
        Signal bombing = first("BELFAST (Wire) — Irish nationalist guerrillas wounded two British soldiers in a bomb"
                + " attack on Thursday, police said.");
        assertThat(bombing.getCategory()).isEqualTo(PloverCategory.ASSAULT);
        assertThat(bombing.getCameoCode()).isEqualTo("183");
    }

    @Test
    void shouldKeepBattlesAndTheMeansOfWarAsMilitaryForceWhoeverUsesThem() {
        assertThat(first("JUBA (Wire) — Sudanese rebels shelled the southern capital Juba on Sunday, killing about"
                + " 20 people, relief officials said.").getCategory()).isEqualTo(PloverCategory.FIGHT);
        assertThat(first("PESHAWAR (Wire) — Pakistani Taliban militants killed five soldiers in clashes with the"
                + " army in Kurram on Friday.").getCategory()).isEqualTo(PloverCategory.FIGHT);
    }

    @Test
    void shouldReadTakingGroundAsFightingEvenWhereCiviliansDie() {
        assertThat(first("GOMA (Wire) — M23 rebels captured the town of Kalehe from the Congolese army on Sunday,"
                + " leaving several civilians dead.").getCategory()).isEqualTo(PloverCategory.FIGHT);
    }
}
