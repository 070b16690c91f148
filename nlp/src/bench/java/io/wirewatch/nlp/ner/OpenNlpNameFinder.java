package io.wirewatch.nlp.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;

/**
 * Apache OpenNLP's name finder (maximum-entropy framework, perceptron trainer, its default feature generators),
 * behind our {@link NameFinder} interface so that the same scorer and benchmark measure both. Not thread-safe
 * (NameFinderME keeps per-document adaptive data); {@link #startDocument()} clears it.
 */
final class OpenNlpNameFinder implements NameFinder {

    private final NameFinderME finder;

    OpenNlpNameFinder(TokenNameFinderModel model) {
        this.finder = new NameFinderME(model);
    }

    static TokenNameFinderModel train(List<LabelledSentence> sentences, int iterations) throws IOException {
        List<NameSample> samples = new ArrayList<>();
        int document = -1;
        for (LabelledSentence sentence : sentences) {
            Span[] names = sentence.names().stream()
                    .map(n -> new Span(n.start(), n.end(), n.type()))
                    .toArray(Span[]::new);
            samples.add(new NameSample(sentence.tokens().toArray(String[]::new), names,
                    sentence.document() != document));
            document = sentence.document();
        }
        TrainingParameters parameters = TrainingParameters.defaultParams();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, "PERCEPTRON");
        parameters.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        parameters.put(TrainingParameters.CUTOFF_PARAM, 0);
        return NameFinderME.train("en", null, ObjectStreamUtils.createObjectStream(samples), parameters,
                new TokenNameFinderFactory());
    }

    static TokenNameFinderModel load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new TokenNameFinderModel(in);
        }
    }

    static void save(TokenNameFinderModel model, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            model.serialize(out);
        }
    }

    void startDocument() {
        finder.clearAdaptiveData();
    }

    @Override
    public List<NameSpan> find(List<String> tokens) {
        List<NameSpan> spans = new ArrayList<>();
        for (Span span : finder.find(tokens.toArray(String[]::new))) {
            spans.add(new NameSpan(span.getStart(), span.getEnd(), span.getType().toUpperCase(Locale.ROOT)));
        }
        return spans;
    }
}
