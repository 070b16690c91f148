package io.wirewatch.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static List<String> words(String text) {
        return Tokenizer.tokenize(text).stream().map(Token::text).toList();
    }

    @Test
    void shouldSplitThePossessiveButKeepElisionsWhole() {
        assertThat(words("Moscow’s demands won't change")).containsExactly("Moscow", "’s", "demands", "won't",
                "change");
        assertThat(Tokenizer.tokenize("Moscow’s").get(1).norm()).isEqualTo("'s");
    }

    @Test
    void shouldKeepInitialismsHyphenatedWordsAndNumbersWhole() {
        assertThat(words("The U.S. and NATO Secretary-General saw 100,000 troops, 2.5 km away."))
                .containsExactly("The", "U.S.", "and", "NATO", "Secretary-General", "saw", "100,000", "troops", ",",
                        "2.5", "km", "away", ".");
        assertThat(words("U.S.-led talks, U.S. troops")).containsExactly("U.S.-led", "talks", ",", "U.S.", "troops");
    }

    @Test
    void shouldKeepANamesInitialWithItsPeriodEvenWhereASentenceEndsAfterOne() {
        assertThat(words("M. Waugh and George W. Bush met")).containsExactly("M.", "Waugh", "and", "George", "W.",
                "Bush", "met");
        assertThat(words("It was Plan B. Then")).containsExactly("It", "was", "Plan", "B.", "Then");
        assertThat(words("Vitamin B. it said")).containsExactly("Vitamin", "B", ".", "it", "said");
    }

    @Test
    void shouldKeepThePeriodOfAbbreviationsInNames() {
        assertThat(words("Barnett Banks Inc. of Jacksonville, Fla. and ST. LOUIS")).containsExactly("Barnett",
                "Banks", "Inc.", "of", "Jacksonville", ",", "Fla.", "and", "ST.", "LOUIS");
        assertThat(words("the co. said")).containsExactly("the", "co", ".", "said");
    }

    @Test
    void shouldKeepACurrencyWithItsCountry() {
        assertThat(words("C$ 1.5 million, HK$ 20 and US$5")).containsExactly("C$", "1.5", "million", ",", "HK$",
                "20", "and", "US$", "5");
        assertThat(words("$5 and Cash$")).containsExactly("$", "5", "and", "Cash", "$");
    }

    @Test
    void shouldNotGlueWordsAcrossMojibake() {
        assertThat(words("Moscowâ€™s demands")).startsWith("Moscow");
    }

    @Test
    void shouldGiveSpansIntoTheText() {
        String text = "  “No change,” he said.";
        for (Token token : Tokenizer.tokenize(text)) {
            assertThat(text.substring(token.start(), token.end())).isEqualTo(token.text());
        }
        assertThat(Tokenizer.tokenize(text, 3, 12)).extracting(Token::text).containsExactly("No", "change");
    }

    @Test
    void shouldTokenizeOtherScripts() {
        assertThat(words("Россия отвергла требования НАТО.")).containsExactly("Россия", "отвергла", "требования",
                "НАТО", ".");
        assertThat(Tokenizer.tokenize("北约 拒绝 😀")).isNotEmpty();
    }
}
