package io.wirewatch.nlp.stance;

import static io.wirewatch.nlp.stance.PatternStanceTagger.code;

import io.wirewatch.nlp.entity.Coreference;
import io.wirewatch.nlp.quote.Quote;
import io.wirewatch.nlp.text.Furniture;
import io.wirewatch.nlp.text.Spans;
import io.wirewatch.nlp.text.TextDocument;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.Signal;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the whole document contributes: quotes, entities, furniture, the most-mentioned actors. */
final class Story {
    final TextDocument document;
    final List<Entity> entities;
    final List<Quote> quotes;
    final boolean[] furniture;
    final Map<String, Integer> mentions = new HashMap<>();
    final @Nullable Integer year;
    final Coreference.Resolver pronouns;
    /** The last signal of each category: what "such an incursion" refers back to. */
    final Map<String, Signal> lastOfCategory = new HashMap<>();
    /** The actors of the last list that acted together ("Russia, Ukraine, France and Germany met"). */
    List<String> lastList = List.of();
    int lastListParagraph = -1;

    Story(TextDocument document, List<Entity> entities, List<Quote> quotes, Coreference.Resolver pronouns) {
        this.pronouns = pronouns;
        this.document = document;
        this.entities = entities;
        this.quotes = quotes;
        this.year = document.asOf() == null ? null : document.asOf().atZone(ZoneOffset.UTC).getYear();
        List<Integer> starts = document.paragraphStarts();
        this.furniture = new boolean[starts.size()];
        for (int p = 0; p < starts.size(); p++) {
            int to = p + 1 < starts.size() ? starts.get(p + 1) : document.text().length();
            furniture[p] = Furniture.isFurniture(document.text().substring(Math.min(starts.get(p), to), to));
        }
        for (Entity entity : entities) {
            String code = code(entity);
            if (code != null) {
                mentions.merge(code, 1, Integer::sum);
            }
        }
    }

    boolean furniture(int paragraph) {
        return paragraph < furniture.length && furniture[paragraph];
    }

    @Nullable Quote quoteAt(int offset) {
        int index = Spans.indexAt(quotes, offset, Quote::start, Quote::end);
        return index < 0 ? null : quotes.get(index);
    }

    /** The most-mentioned actor other than {@code source}: whom a story's statements are usually about. */
    @Nullable String salientOther(@Nullable String source) {
        String best = null;
        int count = 0;
        for (Map.Entry<String, Integer> entry : mentions.entrySet()) {
            if (!entry.getKey().equals(source) && (entry.getValue() > count
                    || entry.getValue() == count && best != null && entry.getKey().compareTo(best) < 0)) {
                best = entry.getKey();
                count = entry.getValue();
            }
        }
        return best;
    }
}
