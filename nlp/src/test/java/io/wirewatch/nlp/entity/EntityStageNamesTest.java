package io.wirewatch.nlp.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.nlp.ner.NameFinder;
import io.wirewatch.nlp.ner.NameSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityStageNamesTest {

    private final EntityStageNames names = new EntityStageNames(ActorTagger.standard(NameFinder.none()));

    @Test
    void shouldReportTheEntityStageAsTokenSpansWithConllTypes() {
        List<NameSpan> spans = names.find(List.of("Jens", "Stoltenberg", "arrived", "in", "Moscow", "with",
                "Russian", "officials", "."));

        // "Russian officials" is Russia's government; its name, the one CoNLL marks, is "Russian"
        assertThat(spans).containsExactly(new NameSpan(0, 2, "PER"), new NameSpan(4, 5, "LOC"), new NameSpan(6, 7, "MISC"));
    }

    @Test
    void shouldReportTheNameThatOpensAnActorPhraseAsCoNllDoes() {
        NameFinder russian = tokens -> tokens.indexOf("Russian") < 0 ? List.of()
                : List.of(new NameSpan(tokens.indexOf("Russian"), tokens.indexOf("Russian") + 1, "MISC"));
        EntityStageNames stage = new EntityStageNames(new ActorTagger(ActorTagger.standard(NameFinder.none()).kb(),
                russian));

        assertThat(stage.find(List.of("Talks", "with", "Russian", "officials", "at", "Lord", "'s", "ended", ".")))
                .containsExactly(new NameSpan(2, 3, "MISC"));
    }

    @Test
    void shouldFindNothingInNoTokens() {
        assertThat(names.find(List.of())).isEmpty();
    }
}
