package io.wirewatch.enrich.dyad;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.StanceLevel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StanceLevelsTest {

    @Test
    void shouldPutFightingWithAttacksAndCoercionAtForce() {
        assertThat(StanceLevels.of(PloverCategory.FIGHT, -10)).isEqualTo(StanceLevel.FORCE);
        assertThat(StanceLevels.of(PloverCategory.ASSAULT, -10)).isEqualTo(StanceLevel.FORCE);
        assertThat(StanceLevels.of(PloverCategory.COERCE, -7)).isEqualTo(StanceLevel.FORCE);
    }

    @Test
    void shouldGiveEveryKnownCategoryALevelWhateverItsIntensity() {
        Arrays.stream(PloverCategory.values()).filter(c -> c != PloverCategory.UNKNOWN).forEach(category ->
                assertThat(StanceLevels.of(category, 5.0)).as(category.name())
                        .isEqualTo(StanceLevels.of(category, -5.0)).isNotEqualTo(StanceLevel.UNKNOWN));
    }

    @Test
    void shouldReadAnUnknownCategoryByTheSignOfItsIntensity() {
        assertThat(StanceLevels.of(PloverCategory.UNKNOWN, 3.0)).isEqualTo(StanceLevel.COOPERATION);
        assertThat(StanceLevels.of(PloverCategory.UNKNOWN, -3.0)).isEqualTo(StanceLevel.PRESSURE);
    }

    @Test
    void shouldNeverEmitTheReadersDefaultLevel() {
        assertThat(Arrays.stream(PloverCategory.values()).map(c -> StanceLevels.of(c, -1.0)))
                .doesNotContain(StanceLevel.UNKNOWN);
    }
}
