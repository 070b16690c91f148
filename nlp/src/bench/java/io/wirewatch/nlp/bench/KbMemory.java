package io.wirewatch.nlp.bench;

import io.wirewatch.nlp.kb.ActorKb;
import io.wirewatch.nlp.stance.PatternStanceTagger;

/**
 * Retained heap of the loaded knowledge base and stance rules: used heap after a full GC before and after
 * loading (run in a fresh JVM: {@code java -cp ... io.wirewatch.nlp.bench.KbMemory}).
 */
public final class KbMemory {

    private KbMemory() {
    }

    public static void main(String[] args) throws InterruptedException {
        long before = used();
        ActorKb kb = ActorKb.standard();
        long kbLoaded = used();
        PatternStanceTagger stance = PatternStanceTagger.standard();
        long rulesLoaded = used();
        System.out.printf("knowledge base: %d actors, %d surface forms, %.1f MB retained%n", kb.actorCount(),
                kb.surfaceForms(), (kbLoaded - before) / 1e6);
        System.out.printf("stance rules: %d patterns, %.1f MB retained%n", stance.ruleCount(),
                (rulesLoaded - kbLoaded) / 1e6);
    }

    private static long used() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
