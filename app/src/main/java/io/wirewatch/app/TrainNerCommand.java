package io.wirewatch.app;

import io.wirewatch.nlp.ner.ConllCorpus;
import io.wirewatch.nlp.ner.ConllEval;
import io.wirewatch.nlp.ner.LabelledSentence;
import io.wirewatch.nlp.ner.PerceptronNameFinder;
import io.wirewatch.nlp.ner.Trainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirewatch train ner}: trains a name-finder model on the user's own CoNLL-format annotations. */
@Command(name = "ner", mixinStandardHelpOptions = true,
        description = {"Train the statistical name finder (averaged structured perceptron) on a CoNLL file: token "
                + "in the first column, IOB1 or IOB2 tag (PER, ORG, LOC, MISC) in the last, blank lines between "
                + "sentences, optional -DOCSTART- lines between documents.",
                "Use the model with 'wirewatch eval ner --model MODEL'."})
public final class TrainNerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--conll", required = true, paramLabel = "FILE", description = "the annotated training file")
    Path conll;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "where to write the model")
    Path out;

    @Option(names = "--dev", paramLabel = "FILE", description = "an annotated file to score the model on after training")
    Path dev;

    @Option(names = "--epochs", defaultValue = "8", description = "passes over the training data (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--folds", defaultValue = "10",
            description = "jack-knife folds for the lexicon features; 1 turns jack-knifing off (default: ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--seed", defaultValue = "1", description = "shuffling seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--runs", defaultValue = "5",
            description = "training runs with successive seeds whose weights are averaged (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--known-names", description = "features from the bundled gazetteer's places and the knowledge"
            + " base's names, as the bundled model has")
    boolean knownNames;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<LabelledSentence> sentences = ConllCorpus.read(conll);
            PerceptronNameFinder model = Trainer.train(sentences, new Trainer.Options(epochs, folds, seed, runs,
                    knownNames));
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            model.save(out);
            stdout.printf("trained on %d sentences of %s: %d features; wrote %s (%d bytes)%n", sentences.size(),
                    conll, model.featureCount(), out, Files.size(out));
            if (dev != null) {
                stdout.print(ConllEval.score(model, ConllCorpus.read(dev)).table());
            }
            stdout.flush();
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("train ner failed: " + e.getMessage());
            return 1;
        }
    }
}
