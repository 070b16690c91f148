package io.wirewatch.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.nlp.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireSentenceSplitterTest {

    private static List<String> split(String... paragraphs) {
        return Fixtures.paragraphs(null, paragraphs).sentences().stream().map(Sentence::text).toList();
    }

    @Test
    void shouldNotSplitAfterTitlesAndInitialisms() {
        assertThat(split("U.S. Sec. of State Antony J. Blinken met Gen. Mark Milley in the U.S. capital on Jan. 5. "
                + "They spoke for an hour."))
                .containsExactly("U.S. Sec. of State Antony J. Blinken met Gen. Mark Milley in the U.S. capital on "
                        + "Jan. 5.", "They spoke for an hour.");
    }

    @Test
    void shouldSplitAfterAnInitialismWhenASentenceOpenerFollows() {
        assertThat(split("The talks were held in the U.S. The next round is in Geneva."))
                .containsExactly("The talks were held in the U.S.", "The next round is in Geneva.");
    }

    @Test
    void shouldKeepClosingQuotesWithTheirSentenceAndSplitBeforeAnOpeningQuote() {
        assertThat(split("“Everything sets a path forward. “Russia has to choose that,” he said. “We will see.”"))
                .containsExactly("“Everything sets a path forward.", "“Russia has to choose that,” he said.",
                        "“We will see.”");
    }

    @Test
    void shouldNotSplitMachineTranslatedCopyAtAPeriodBeforeALowerCaseWord() {
        assertThat(split("Some concerns can be addressed. provided it de-escalates tensions."))
                .containsExactly("Some concerns can be addressed. provided it de-escalates tensions.");
    }

    @Test
    void shouldJoinStrayPunctuationToTheSentenceBefore() {
        assertThat(split("“We may find common ground.” ."))
                .containsExactly("“We may find common ground.” .");
    }

    @Test
    void shouldEndSentencesAtParagraphsAndKeepTheirOffsets() {
        TextDocument document = Fixtures.paragraphs(null, "Headline without a period", "Second paragraph. Two.");
        assertThat(document.sentences()).extracting(Sentence::text)
                .containsExactly("Headline without a period", "Second paragraph.", "Two.");
        for (Sentence sentence : document.sentences()) {
            assertThat(document.text().substring(sentence.start(), sentence.end())).isEqualTo(sentence.text());
        }
        assertThat(document.sentences()).extracting(Sentence::paragraph).containsExactly(0, 1, 1);
    }

    @Test
    void shouldCoverEveryNonBlankCharacterOfTheSeed() {
        TextDocument seed = Fixtures.seed();
        boolean[] covered = new boolean[seed.text().length()];
        for (Sentence sentence : seed.sentences()) {
            for (int i = sentence.start(); i < sentence.end(); i++) {
                assertThat(covered[i]).as("character %d covered twice", i).isFalse();
                covered[i] = true;
            }
        }
        for (int i = 0; i < covered.length; i++) {
            if (!Character.isWhitespace(seed.text().charAt(i))) {
                assertThat(covered[i]).as("character %d '%s'", i, seed.text().charAt(i)).isTrue();
            }
        }
        assertThat(seed.sentences()).hasSizeBetween(40, 48);
    }

    @Test
    void shouldSplitQuestionsAndExclamations() {
        assertThat(split("Will Moscow respond? Officials would not say! The talks go on."))
                .containsExactly("Will Moscow respond?", "Officials would not say!", "The talks go on.");
    }
}
