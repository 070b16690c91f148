package io.wirewatch.enrich;

import io.wirewatch.nlp.Enricher;
import io.wirewatch.nlp.text.Sentence;
import io.wirewatch.schema.Modality;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.Signal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture: an enricher driven by its input. Each paragraph "SRC TGT CATEGORY INTENSITY MODALITY" becomes
 * one signal, so a test controls exactly what the topology downstream of enrichment sees. A paragraph
 * "THROW OutOfMemoryError" or "THROW StackOverflowError" makes enrichment throw that error.
 */
public final class ScriptedEnricher {

    private ScriptedEnricher() {
    }

    public static Enricher create(Clock clock) {
        return new Enricher(
                (text, starts) -> {
                    List<Sentence> sentences = new ArrayList<>();
                    for (int i = 0; i < starts.size(); i++) {
                        int start = starts.get(i);
                        int end = i + 1 < starts.size() ? starts.get(i + 1) - 2 : text.length();
                        sentences.add(new Sentence(i, i, start, end, text.substring(start, end)));
                    }
                    return sentences;
                },
                document -> List.of(),
                (document, entities) -> document.sentences().stream().map(sentence -> {
                    String[] f = sentence.text().split(" ");
                    if (f.length == 2 && f[0].equals("THROW")) {
                        if (f[1].equals("OutOfMemoryError")) {
                            throw new OutOfMemoryError("scripted: Java heap space");
                        }
                        if (f[1].equals("StackOverflowError")) {
                            throw new StackOverflowError("scripted");
                        }
                        throw new IllegalArgumentException("scripted error: " + f[1]);
                    }
                    if (f.length != 5) {
                        throw new IllegalArgumentException("scripted signal needs 5 fields: " + sentence.text());
                    }
                    return Signal.newBuilder().setSource(f[0]).setTarget(f[1]).setCategory(PloverCategory.valueOf(f[2]))
                            .setIntensity(Double.parseDouble(f[3])).setModality(Modality.valueOf(f[4]))
                            .setEvidence(sentence.text()).setSentence(sentence.text())
                            .setStart(sentence.start()).setEnd(sentence.end()).build();
                }).toList(),
                signals -> -signals.stream().mapToDouble(Signal::getIntensity).filter(x -> x < 0).sum(),
                "scripted", clock);
    }
}
