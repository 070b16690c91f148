package io.wirewatch.nlp.kb;

import io.wirewatch.nlp.text.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A trie over normalised tokens: finds, from a start token, the longest run of tokens that is a known surface
 * form and satisfies a check (capitalisation). One pass over the story with one lookup per token start.
 */
public final class TokenTrie<V> {

    private static final class Node<V> {
        @Nullable Map<String, Node<V>> children;
        @Nullable List<V> values;
    }

    private final Node<V> root = new Node<>();
    private int size;

    /** Adds {@code value} under the normalised tokens {@code key}. */
    public void put(List<String> key, V value) {
        Node<V> node = root;
        for (String token : key) {
            if (node.children == null) {
                node.children = new HashMap<>(4);
            }
            node = node.children.computeIfAbsent(token, k -> new Node<>());
        }
        if (node.values == null) {
            node.values = new ArrayList<>(1);
        }
        node.values.add(value);
        size++;
    }

    public int size() {
        return size;
    }

    /** A match: tokens {@code [start, end)} and the values stored there. */
    public record Match<V>(int start, int end, List<V> values) {
    }

    /** Accepts or refuses a candidate match. */
    @FunctionalInterface
    public interface Check<V> {
        boolean accept(V value, List<Token> tokens, int start, int end);
    }

    /** The longest match starting at {@code start} whose values pass {@code check}, or null. */
    public @Nullable Match<V> longest(List<Token> tokens, int start, Check<V> check) {
        Node<V> node = root;
        Match<V> best = null;
        for (int i = start; i < tokens.size(); i++) {
            if (node.children == null) {
                break;
            }
            node = node.children.get(tokens.get(i).norm());
            if (node == null) {
                break;
            }
            if (node.values != null) {
                List<V> accepted = null;
                for (V value : node.values) {
                    if (check.accept(value, tokens, start, i + 1)) {
                        if (accepted == null) {
                            accepted = new ArrayList<>(1);
                        }
                        accepted.add(value);
                    }
                }
                if (accepted != null) {
                    best = new Match<>(start, i + 1, accepted);
                }
            }
        }
        return best;
    }
}
