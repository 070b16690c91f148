package io.wirewatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "Russian officials warned that Moscow would take retaliatory measures if the United States and its allies "
            + "rejected its demands, and the minister said that it was up to the West. | en",
        "Die Regierung in Moskau hat am Mittwoch erklärt, dass sie auf die Antwort der USA mit Gegenmaßnahmen "
            + "reagieren wird, wenn die Forderungen nicht erfüllt werden, und der Minister sagte, es sei nicht "
            + "die Zeit für Zugeständnisse. | de",
        "Le ministre a déclaré que la Russie prendrait des mesures de rétorsion si les États-Unis et leurs alliés "
            + "rejetaient ses demandes, et que le dialogue avec les Occidentaux était dans une impasse. | fr",
        "Министр заявил, что Москва примет ответные меры, если США и их союзники отвергнут её требования, и что "
            + "это не было неожиданностью для него, как и для его коллег по работе. | ru",
        "Too short to tell. | null"})
    void shouldGuessTheLanguageFromFunctionWords(String text, String language) {
        assertThat(Languages.guess(List.of(text))).isEqualTo(language);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "外交部发言人表示，中方将采取必要措施维护自身的主权和安全利益。 | zh",
        "外務省の報道官は、必要な措置を取ると述べた。政府は対応を検討している。 | ja",
        "외교부 대변인은 필요한 조치를 취할 것이라고 말했다. | ko",
        "Ο υπουργός δήλωσε ότι η κυβέρνηση θα λάβει μέτρα. | el",
        "قال المتحدث باسم وزارة الخارجية إن الحكومة ستتخذ الإجراءات اللازمة. | ar",
        "سخنگوی وزارت امور خارجه گفت که دولت اقدامات لازم را انجام خواهد داد. | fa"})
    void shouldTellLanguagesWrittenWithoutSpacesOrInTheirOwnScript(String text, String language) {
        assertThat(Languages.guess(List.of(text))).isEqualTo(language);
    }
}
