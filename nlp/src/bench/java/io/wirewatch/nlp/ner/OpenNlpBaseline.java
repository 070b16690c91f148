package io.wirewatch.nlp.ner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * Trains Apache OpenNLP's perceptron name finder on a CoNLL file (read by our {@link ConllCorpus}, so both systems
 * see the same names) and scores it with our {@link ConllEval}, beside the wirewatch model, on another file.
 * OpenNLP's adaptive data is cleared at each document, as its own evaluator does.
 *
 * <p>{@code OpenNlpBaseline --train eng.train --conll eng.testa [--opennlp-model FILE] [--iterations 100]
 * [--model wirewatch.model.gz]}: an existing {@code --opennlp-model} is loaded instead of retrained.
 */
public final class OpenNlpBaseline {

    private OpenNlpBaseline() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int a = 0; a + 1 < args.length; a += 2) {
            options.put(args[a], args[a + 1]);
        }
        Path train = Path.of(options.getOrDefault("--train", "../shared/data/ner/conll2003/eng.train"));
        Path conll = Path.of(options.getOrDefault("--conll", "../shared/data/ner/conll2003/eng.testa"));
        Path modelFile = Path.of(options.getOrDefault("--opennlp-model", "enrich/target/opennlp-conll2003-en.bin"));
        int iterations = Integer.parseInt(options.getOrDefault("--iterations", "100"));

        TokenNameFinderModel model;
        if (Files.exists(modelFile)) {
            model = OpenNlpNameFinder.load(modelFile);
            System.out.println("loaded OpenNLP model " + modelFile);
        } else {
            long start = System.nanoTime();
            model = OpenNlpNameFinder.train(ConllCorpus.read(train), iterations);
            System.out.printf("trained OpenNLP perceptron (%d iterations, cutoff 0) in %.0f s%n", iterations,
                    (System.nanoTime() - start) / 1e9);
            OpenNlpNameFinder.save(model, modelFile);
            System.out.println("wrote " + modelFile + " (" + Files.size(modelFile) + " bytes)");
        }
        List<LabelledSentence> sentences = ConllCorpus.read(conll);

        System.out.println("== Apache OpenNLP perceptron on " + conll);
        System.out.print(scoreByDocument(new OpenNlpNameFinder(model), sentences).table());

        NameFinder ours = options.containsKey("--model")
                ? PerceptronNameFinder.load(Path.of(options.get("--model")))
                : PerceptronNameFinder.bundled();
        System.out.println("== wirewatch PerceptronNameFinder on " + conll);
        System.out.print(ConllEval.score(ours, sentences).table());
    }

    private static ConllEval.Scores scoreByDocument(OpenNlpNameFinder finder, List<LabelledSentence> sentences) {
        Map<String, ConllEval.Counts> byType = new LinkedHashMap<>();
        ConllEval.Counts overall = new ConllEval.Counts(0, 0, 0);
        long tokens = 0;
        int from = 0;
        while (from < sentences.size()) {
            int to = from;
            List<LabelledSentence> document = new ArrayList<>();
            while (to < sentences.size() && sentences.get(to).document() == sentences.get(from).document()) {
                document.add(sentences.get(to++));
            }
            finder.startDocument();
            ConllEval.Scores scores = ConllEval.score(finder, document);
            scores.byType().forEach((type, c) -> byType.merge(type, c, ConllEval.Counts::plus));
            overall = overall.plus(scores.overall());
            tokens += scores.tokens();
            from = to;
        }
        return new ConllEval.Scores(byType, overall, tokens, sentences.size());
    }
}
