package io.wirewatch.nlp.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActorKbTest {

    private final ActorKb kb = ActorKb.standard();

    @Test
    void shouldLoadTheBundledKnowledgeBase() {
        assertThat(kb.actorCount()).isGreaterThan(300);
        assertThat(kb.surfaceForms()).isGreaterThan(2000);
        assertThat(kb.actor("RUS")).hasValueSatisfying(a -> assertThat(a.name()).isEqualTo("Russia"));
        assertThat(kb.actor("RUSGOV")).hasValueSatisfying(a -> assertThat(a.sector()).isEqualTo("government"));
        assertThat(kb.actor("NATO")).hasValueSatisfying(a -> assertThat(a.sector()).isEqualTo("IGO"));
    }

    @Test
    void shouldResolveTheSameTitleToDifferentPeopleByDate() {
        var secretary = kb.roles("PER:ANTONY_BLINKEN").get(0);
        var rubio = kb.roles("PER:MARCO_RUBIO").get(0);
        var roles = java.util.List.of(secretary, rubio);
        assertThat(kb.holder(roles, LocalDate.of(2022, 1, 26))).hasValueSatisfying(
                a -> assertThat(a.id()).isEqualTo("PER:ANTONY_BLINKEN"));
        assertThat(kb.holder(roles, LocalDate.of(2026, 1, 26))).hasValueSatisfying(
                a -> assertThat(a.id()).isEqualTo("PER:MARCO_RUBIO"));
    }

    @Test
    void shouldGiveAPersonTheCountryOfTheRoleHeldThatDay() {
        Actor stoltenberg = kb.actor("PER:JENS_STOLTENBERG").orElseThrow();
        assertThat(kb.asOf(stoltenberg, LocalDate.of(2022, 1, 26)).country()).isEqualTo("NATO");
        assertThat(kb.asOf(stoltenberg, LocalDate.of(2026, 1, 26)).country()).isEqualTo("NOR");
    }

    @Test
    void shouldBeExtendedWithAUsersFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.tsv");
        Files.writeString(file, "# my actors\n"
                + "person\tPER:JANE_ROE\tname=Jane Roe\tgender=f\tcountry=FRA\tsector=diplomatic\n"
                + "role\tPER:JANE_ROE\ttitle=Ambassador to Chad\tcountry=FRA\tsector=diplomatic\tfrom=2024-01-01\n");
        ActorKb extended = kb.extendedWith(file);
        assertThat(extended.actor("PER:JANE_ROE")).isPresent();
        assertThat(extended.roles("PER:JANE_ROE")).hasSize(1);
        assertThat(kb.actor("PER:JANE_ROE")).isEmpty();
    }

    @Test
    void shouldRefuseABadLineWithFileLineAndReason(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.tsv");
        Files.writeString(file, "# comment\nperson\tPER:X\tname=X\tcolour=red\n");
        assertThatThrownBy(() -> kb.extendedWith(file)).isInstanceOf(KbFormatException.class)
                .hasMessageStartingWith(file + ":2: ").hasMessageContaining("unknown key 'colour'")
                .satisfies(e -> assertThat(((KbFormatException) e).line()).isEqualTo(2));
    }

    @Test
    void shouldRefuseUnknownKindsBadDatesDuplicatesAndDanglingRoles() {
        assertThat(error("planet\tMARS\tname=Mars\n")).contains(":1: unknown kind 'planet'");
        assertThat(error("person\tPER:A\tname=A\nrole\tPER:A\ttitle=T\tcountry=USA\tsector=g\tfrom=2024-13-01\n"))
                .contains(":2: from=2024-13-01 is not a date");
        assertThat(error("country\tRUS\tname=Again\n")).contains(":1: duplicate id RUS");
        assertThat(error("role\tPER:NOBODY\ttitle=T\tcountry=USA\tsector=g\tfrom=2024-01-01\n"))
                .contains(":1: role for unknown person PER:NOBODY");
        assertThat(error("person\tJOHN\tname=John\n")).contains("must start with PER:");
        assertThat(error("country\tRussia\tname=Russia\n")).contains("not an ISO 3166 alpha-3 code");
        assertThat(error("person\tPER:B\n")).contains("found 2 tab-separated field(s)");
        assertThat(error("person\tPER:C\taliases=C\n")).contains("person PER:C needs name=");
    }

    private String error(String lines) {
        try {
            kb.extendedWith("user.tsv", new StringReader(lines));
        } catch (KbFormatException e) {
            assertThat(e.source()).isEqualTo("user.tsv");
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + lines);
    }
}
