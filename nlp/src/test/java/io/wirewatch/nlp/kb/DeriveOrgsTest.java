package io.wirewatch.nlp.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Phoenix converter on an excerpt of the real dictionaries, and on lines it must refuse. */
class DeriveOrgsTest {

    private static final Path EXCERPT = Path.of("src/test/resources/io/wirewatch/nlp/kb/phoenix");

    private static String derive() throws IOException {
        Map<String, String> dictionaries = new LinkedHashMap<>();
        for (String name : List.of(DeriveOrgs.MIL_NON_STATE, DeriveOrgs.COUNTRIES, DeriveOrgs.AGENTS, "LICENSE")) {
            dictionaries.put(name, DeriveOrgs.read(EXCERPT.resolve(name)));
        }
        DeriveOrgs.Known known = DeriveOrgs.known(Files.readString(EXCERPT.resolve("actors.tsv")));
        return DeriveOrgs.derive(dictionaries, known,
                DeriveOrgs.commonWords(Files.readAllLines(EXCERPT.resolve("words.txt"), StandardCharsets.UTF_8)));
    }

    @Test
    void shouldWriteTheGoldenOrganisationsOfTheExcerpt() throws IOException {
        // regenerate after a deliberate change with the command in DeriveOrgs' comment, on the excerpt directory
        assertThat(derive()).isEqualTo(Files.readString(EXCERPT.resolve("orgs.golden.tsv")));
    }

    @Test
    void shouldKeepArmedGroupsAndAgenciesButNotPeopleCountriesOrCommonWords() throws IOException {
        String orgs = derive();
        assertThat(orgs).contains("\tname=DFLP\taliases=Democratic Front for the Liberation of Palestine|")
                .contains("aliases=Israel Defence Force|Israel Defense Forces|Israel Defense Force|IDF\tcountry=ISR"
                        + "\tsector=military")
                .contains("name=Federal Bureau of Investigation\taliases=FBI|")
                .contains("org\tORG:PKK\tname=PKK\taliases=Kongra-Gel\tcountry=TUR\tsector=armed group");
        String entries = orgs.substring(orgs.indexOf("\norg\t"));
        assertThat(entries).doesNotContain("Herzog", "Ahmad Umar", "Jerusalem", "Angry Brigade", "Asghar",
                "name=Boko Haram", "Palestinian Islamic Jihad\t");
        // a group that shares a name with a hand-written organisation takes its id, country and sector
        assertThat(entries).contains("org\tHEZ\tname=Hizbullah\t").doesNotContain("\tHezbollah");
    }

    @Test
    void shouldRefuseAnAliasBeforeAnyEntryWithItsLineNumber() {
        assertThatThrownBy(() -> DeriveOrgs.groups("groups.txt", "# armed groups\n\n+AL-SHABAB\nAL-SHABAAB [SOMREB]\n"))
                .isInstanceOf(DeriveOrgs.DictionaryFormatException.class)
                .hasMessage("groups.txt:3: synonym 'AL-SHABAB' before any entry");
    }

    @Test
    void shouldRefuseAnUnterminatedOrMalformedCodeWithItsLineNumber() {
        assertThatThrownBy(() -> DeriveOrgs.groups("groups.txt", "BOKO_HARAM [NGAREB]\nPKK [TURREB\n"))
                .isInstanceOf(DeriveOrgs.DictionaryFormatException.class)
                .hasMessage("groups.txt:2: code '[TURREB' has no closing ]");
        assertThatThrownBy(() -> DeriveOrgs.groups("groups.txt", "BOKO_HARAM [NGAREB]\n\n\n\tMOSSAD\n"))
                .isInstanceOf(DeriveOrgs.DictionaryFormatException.class)
                .hasMessage("groups.txt:4: indented line 'MOSSAD' is neither a code nor a synonym");
        assertThatThrownBy(() -> DeriveOrgs.groups("groups.txt", "KNESSET\n\t[isrgovleg]\n"))
                .isInstanceOf(DeriveOrgs.DictionaryFormatException.class)
                .hasMessage("groups.txt:2: malformed code [isrgovleg]");
    }

    @Test
    void shouldGroupConsecutiveNamesWithTheCodesThatFollowThem() {
        List<DeriveOrgs.Group> groups = DeriveOrgs.groups("countries.txt",
                "SHIN_BET\n+SHABAK\n\t[ISRSPY]\nMOSSAD\nISRAELI_INTELLIGENCE\n\t[ISRSPY]\n");
        assertThat(groups).containsExactly(
                new DeriveOrgs.Group("countries.txt", 1, List.of("SHIN_BET", "SHABAK"), List.of("ISRSPY")),
                new DeriveOrgs.Group("countries.txt", 4, List.of("MOSSAD", "ISRAELI_INTELLIGENCE"),
                        List.of("ISRSPY")));
    }
}
