package io.wirewatch.nlp.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.PloverCategory;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The coder's categories and the shared enum are one vocabulary: nothing emitted that the enum lacks, and back. */
class CategoryVocabularyTest {

    @Test
    void shouldEmitOnlyCategoriesTheSharedEnumNames() {
        Set<String> symbols = Arrays.stream(PloverCategory.values()).map(Enum::name).collect(Collectors.toSet());

        assertThat(symbols).containsAll(StanceRules.CATEGORIES);
    }

    @Test
    void shouldHaveNoEnumSymbolTheCoderNeverEmitsExceptTheReadersDefault() {
        Set<String> neverEmitted = Arrays.stream(PloverCategory.values()).map(Enum::name)
                .filter(name -> !StanceRules.CATEGORIES.contains(name)).collect(Collectors.toSet());

        assertThat(neverEmitted).containsExactly(PloverCategory.UNKNOWN.name());
    }
}
