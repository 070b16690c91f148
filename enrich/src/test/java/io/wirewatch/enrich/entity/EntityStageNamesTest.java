package io.wirewatch.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.enrich.ner.NameFinder;
import io.wirewatch.enrich.ner.NameSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityStageNamesTest {

    private final EntityStageNames names = new EntityStageNames(ActorTagger.standard(NameFinder.none()));

    @Test
    void shouldReportTheEntityStageAsTokenSpansWithConllTypes() {
        List<NameSpan> spans = names.find(List.of("Jens", "Stoltenberg", "arrived", "in", "Moscow", "with",
                "Russian", "officials", "."));

        // "Russian officials" is an agent of Russia, so the whole phrase is an ORG span (CoNLL would tag "Russian" MISC).
        assertThat(spans).containsExactly(new NameSpan(0, 2, "PER"), new NameSpan(4, 5, "LOC"), new NameSpan(6, 8, "ORG"));
    }

    @Test
    void shouldFindNothingInNoTokens() {
        assertThat(names.find(List.of())).isEmpty();
    }
}
