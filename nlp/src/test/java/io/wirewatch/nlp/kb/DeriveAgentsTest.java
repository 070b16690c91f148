package io.wirewatch.nlp.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Phoenix agents converter on lines of the real dictionary, and the shipped file it wrote. */
class DeriveAgentsTest {

    private static final String EXCERPT = String.join("\n",
            "# CAMEO agents file",
            "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON",
            "POLICE {} [~COP]",
            "POLICE!PERSON!  [~COP]",
            "GUNMAN {GUNMEN} [~UAF]",
            "PROTESTER [~OPP]",
            "DEFENCE_MINIST [~GOV]",
            "JUDGE [~JUD]",
            "CHILDREN [~CVL]",
            "VILLAGE [~CVL]",
            "BANKER [~BUS]",
            "DEPARMENT_OF_ENVIRONMENT [~ENV}",
            "SOLDIERS,_ALONG_WITH_THEIR_FAMILIES  [~MIL]");

    private static List<ActorKb.AgentWord> derived() {
        return ActorKb.agentWords("excerpt", new StringReader(DeriveAgents.derive(EXCERPT, "MIT licence")));
    }

    @Test
    void shouldExpandPersonsStemsAndPluralsOfThePoliticalSectors() {
        assertThat(derived()).extracting(ActorKb.AgentWord::phrase).containsExactly("police", "policeman",
                "policemen", "policewoman", "policewomen", "policeperson", "gunman", "gunmen", "protester",
                "protesters", "defence minister", "defence ministers", "defence ministry", "defence ministries",
                "judge", "judges", "children", "general", "officials");
    }

    @Test
    void shouldCountWhatItLeavesOutInTheHeader() {
        String out = DeriveAgents.derive(EXCERPT, "MIT licence");
        assertThat(out).contains("# left out, sector not a political actor's (BUS): 1")
                .contains("# left out, phrase naming no actor in news prose: 2") // village, villages
                .contains("# left out, code does not close (line 12): 1")
                .contains("# left out, characters other than letters, - ' _: 1")
                .contains("# MIT licence");
    }

    @Test
    void shouldBeTheFileThatIsShipped() throws IOException {
        // regenerate with the command in DeriveAgents' comment
        Path dictionary = Path.of("../../shared/data/actors/phoenix/Phoenix.agents.txt"); // ../shared of the checkout
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(dictionary), "the Phoenix dictionary is not here");
        String expected = DeriveAgents.derive(Files.readString(dictionary, StandardCharsets.ISO_8859_1),
                Files.readString(dictionary.resolveSibling("LICENSE"), StandardCharsets.UTF_8));
        assertThat(Files.readString(Path.of("src/main/resources/io/wirewatch/nlp/kb/agents.tsv")))
                .isEqualTo(expected);
    }
}
