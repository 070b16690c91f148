package io.wirewatch.nlp.quote;

import io.wirewatch.nlp.entity.Coreference;
import io.wirewatch.nlp.entity.Entities;
import io.wirewatch.nlp.text.SayVerbs;
import io.wirewatch.nlp.text.TextDocument;
import io.wirewatch.nlp.text.Token;
import io.wirewatch.nlp.text.Tokenizer;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Finds direct quotes and attributes them. Quotation marks may be typographic or straight and may be unbalanced
 * (an opening mark starts a new quote even if the last one was not closed, as machine-translated copy does). The
 * speaker is looked for after the closing mark ({@code ,” said X}, {@code ,” X said}, {@code ,” he said}), then
 * before the opening mark ({@code X said: “}); a quote without its own attribution takes the speaker of another
 * quote in its paragraph, or, when its paragraph opens with a quote, of the quote just before (quotes running on
 * over paragraphs).
 */
public final class QuoteFinder {

    private static final int WINDOW = 90;

    private final Coreference coreference;

    public QuoteFinder(Coreference coreference) {
        this.coreference = Objects.requireNonNull(coreference, "coreference");
    }

    public List<Quote> find(TextDocument document, List<Entity> entities) {
        return find(document, entities, coreference.forDocument(document, entities));
    }

    /** The quotes, resolving "he said" with the document's resolver. */
    public List<Quote> find(TextDocument document, List<Entity> entities, Coreference.Resolver pronouns) {
        List<int[]> spans = spans(document);
        List<Quote> quotes = new ArrayList<>(spans.size());
        for (int[] span : spans) {
            quotes.add(attribute(document, entities, pronouns, span[0], span[1]));
        }
        return propagate(document, quotes);
    }

    /** Quote spans, inside the marks. */
    static List<int[]> spans(TextDocument document) {
        String text = document.text();
        List<int[]> spans = new ArrayList<>();
        List<Integer> starts = document.paragraphStarts();
        for (int p = 0; p < starts.size(); p++) {
            int from = starts.get(p);
            int to = p + 1 < starts.size() ? starts.get(p + 1) : text.length();
            int open = -1;
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                boolean opening = c == '\u201c' || c == '\u00ab' || c == '"' && isOpeningStraight(text, i, from);
                boolean closing = c == '\u201d' || c == '\u00bb' || c == '"' && !opening;
                if (opening) {
                    if (open >= 0) {
                        addSpan(spans, open, trimEnd(text, open, i));
                    }
                    open = i + 1;
                } else if (closing && open >= 0) {
                    addSpan(spans, open, i);
                    open = -1;
                }
            }
            if (open >= 0) {
                addSpan(spans, open, trimEnd(text, open, to));
            }
        }
        return spans;
    }

    private static void addSpan(List<int[]> spans, int start, int end) {
        if (end - start >= 2) {
            spans.add(new int[] {start, end});
        }
    }

    private static int trimEnd(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static boolean isOpeningStraight(String text, int i, int paragraphStart) {
        if (i == paragraphStart) {
            return true;
        }
        char before = text.charAt(i - 1);
        boolean spaceBefore = Character.isWhitespace(before) || before == '(' || before == '[' || before == ':';
        boolean wordAfter = i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1));
        return spaceBefore && wordAfter;
    }

    private Quote attribute(TextDocument document, List<Entity> entities, Coreference.Resolver pronouns, int start,
                            int end) {
        String text = document.text();
        int paragraphEnd = paragraphEnd(document, end);
        // after the closing mark: ,” said X / ,” X said / ,” he said
        int close = Math.min(text.length(), end + 1);
        int windowEnd = Math.min(paragraphEnd, close + WINDOW);
        List<Token> after = Tokenizer.tokenize(text, close, windowEnd);
        Quote found = afterQuote(entities, pronouns, after, start, end);
        if (found != null) {
            return found;
        }
        // before the opening mark: X said: “ / X told reporters “
        int paragraphStart = document.paragraphStarts().isEmpty() ? 0
                : document.paragraphStarts().get(document.paragraphAt(start));
        List<Token> before = Tokenizer.tokenize(text, Math.max(paragraphStart, start - 1 - WINDOW),
                Math.max(paragraphStart, start - 1));
        found = beforeQuote(entities, pronouns, before, start, end);
        return found != null ? found : new Quote(start, end, null, "none");
    }

    private @Nullable Quote afterQuote(List<Entity> entities, Coreference.Resolver pronouns, List<Token> after,
                                       int start, int end) {
        int limit = Math.min(after.size(), 12);
        for (int i = 0; i < limit; i++) {
            Token token = after.get(i);
            if (token.norm().equals(".") || token.text().equals("\u201c") || token.text().equals("\"")) {
                if (i > 0 || !token.norm().equals(".")) {
                    break;
                }
            }
            if (!SayVerbs.isSayVerb(token.norm())) {
                continue;
            }
            // subject before the verb: ,” Stoltenberg said / ,” he said
            for (int j = i - 1; j >= 0; j--) {
                Token subject = after.get(j);
                if (Coreference.isPersonalPronoun(subject.norm())) {
                    Entity who = pronouns.antecedent(subject.start(), subject.text());
                    return new Quote(start, end, who, "pronoun");
                }
                Entity named = entityEndingAt(entities, subject.end());
                if (named != null && isSpeakerType(named)) {
                    return new Quote(start, end, named, "said-after");
                }
                if (!subject.word()) {
                    break;
                }
            }
            // subject after the verb: ,” said Secretary of State Anthony Blinken; a person beats a body
            Entity body = null;
            for (int j = i + 1; j < Math.min(after.size(), i + 9); j++) {
                Entity named = entityStartingAt(entities, after.get(j).start());
                if (named != null && named.getType() == EntityType.PERSON) {
                    return new Quote(start, end, named, "after-said");
                }
                if (named != null && body == null && isSpeakerType(named)) {
                    body = named;
                }
                if (after.get(j).norm().equals(".")) {
                    break;
                }
            }
            return body == null ? null : new Quote(start, end, body, "after-said");
        }
        return null;
    }

    private @Nullable Quote beforeQuote(List<Entity> entities, Coreference.Resolver pronouns, List<Token> before,
                                        int start, int end) {
        for (int i = before.size() - 1; i >= Math.max(0, before.size() - 8); i--) {
            Token token = before.get(i);
            if (token.norm().equals(".") || token.text().equals("\u201d")) {
                return null;
            }
            if (!SayVerbs.isSayVerb(token.norm())) {
                continue;
            }
            for (int j = i - 1; j >= Math.max(0, i - 4); j--) {
                Token subject = before.get(j);
                if (Coreference.isPersonalPronoun(subject.norm())) {
                    return new Quote(start, end, pronouns.antecedent(subject.start(), subject.text()), "pronoun");
                }
                Entity named = entityEndingAt(entities, subject.end());
                if (named != null && isSpeakerType(named)) {
                    return new Quote(start, end, named, "said-before");
                }
            }
            return null;
        }
        return null;
    }

    /** Quotes without their own speaker take one from their paragraph, or from the quote running on before them. */
    private static List<Quote> propagate(TextDocument document, List<Quote> quotes) {
        List<Quote> out = new ArrayList<>(quotes);
        int[] paragraphs = new int[out.size()];
        for (int i = 0; i < out.size(); i++) {
            paragraphs[i] = document.paragraphAt(out.get(i).start());
        }
        int groupStart = 0;
        while (groupStart < out.size()) {
            int groupEnd = groupStart;
            while (groupEnd < out.size() && paragraphs[groupEnd] == paragraphs[groupStart]) {
                groupEnd++;
            }
            Entity lastSpeaker = null;
            for (int i = groupStart; i < groupEnd; i++) {
                if (out.get(i).speaker() != null) {
                    lastSpeaker = out.get(i).speaker();
                    continue;
                }
                Entity next = null;
                for (int k = i + 1; k < groupEnd && next == null; k++) {
                    next = out.get(k).speaker();
                }
                Entity chosen = next != null ? next : lastSpeaker;
                if (chosen != null) {
                    Quote quote = out.get(i);
                    out.set(i, new Quote(quote.start(), quote.end(), chosen, "paragraph"));
                }
            }
            groupStart = groupEnd;
        }
        for (int i = 1; i < out.size(); i++) {
            Quote quote = out.get(i);
            Quote previous = out.get(i - 1);
            int paragraphStart = document.paragraphStarts().get(paragraphs[i]);
            boolean opensParagraph = quote.start() - 1 <= paragraphStart;
            if (quote.speaker() == null && opensParagraph && previous.speaker() != null
                    && paragraphs[i - 1] == paragraphs[i] - 1) {
                out.set(i, new Quote(quote.start(), quote.end(), previous.speaker(), "continued"));
            }
        }
        for (int i = out.size() - 2; i >= 0; i--) {
            Quote quote = out.get(i);
            Quote next = out.get(i + 1);
            if (quote.speaker() == null && next.speaker() != null && paragraphs[i + 1] == paragraphs[i] + 1
                    && quote.end() >= paragraphEnd(document, quote.start()) - 2) {
                out.set(i, new Quote(quote.start(), quote.end(), next.speaker(), "continued"));
            }
        }
        return out;
    }

    private static boolean isSpeakerType(Entity entity) {
        return entity.getType() == EntityType.PERSON || entity.getType() == EntityType.ORG
                || entity.getType() == EntityType.GPE && "government".equals(entity.getSector());
    }

    private static @Nullable Entity entityEndingAt(List<Entity> entities, int end) {
        return Entities.endingAt(entities, end);
    }

    private static @Nullable Entity entityStartingAt(List<Entity> entities, int start) {
        return Entities.startingAt(entities, start);
    }

    private static int paragraphEnd(TextDocument document, int offset) {
        int paragraph = document.paragraphAt(offset);
        List<Integer> starts = document.paragraphStarts();
        return paragraph + 1 < starts.size() ? starts.get(paragraph + 1) - TextDocument.PARAGRAPH_SEPARATOR.length()
                : document.text().length();
    }
}
