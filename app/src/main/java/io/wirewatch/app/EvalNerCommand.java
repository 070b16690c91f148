package io.wirewatch.app;

import io.wirewatch.nlp.ner.ConllEval;
import io.wirewatch.nlp.ner.NameFinder;
import io.wirewatch.nlp.ner.PerceptronNameFinder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirewatch eval ner}: scores the name finder on a CoNLL file, conlleval style. */
@Command(name = "ner", mixinStandardHelpOptions = true,
        description = {"Score the statistical name finder on a CoNLL file (token first, tag last; IOB1 or IOB2).",
                "A name counts only when its span and type (PER, ORG, LOC, MISC) both match; prints per-type and "
                        + "overall precision, recall and F1."})
public final class EvalNerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--conll", required = true, paramLabel = "FILE", description = "the annotated CoNLL file")
    Path conll;

    @Option(names = "--output", paramLabel = "FILE",
            description = "also write each token with its gold and predicted tag (IOB2), for any conlleval")
    Path output;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "a model from 'wirewatch train ner' (default: the bundled CoNLL-2003 model)")
    Path model;

    @Option(names = "--stage", paramLabel = "STAGE", defaultValue = "names",
            description = "what to score: 'names', the statistical name finder alone (default), or 'entities', the"
                    + " whole entity stage (knowledge base + name finder; PERSON→PER, ORG, GPE/LOC→LOC, NORP→MISC)")
    String stage = "names";

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isReadable(conll)) {
            err.println("cannot read CoNLL file " + conll);
            return 2;
        }
        try {
            NameFinder names = model == null ? PerceptronNameFinder.bundled() : PerceptronNameFinder.load(model);
            NameFinder finder = switch (stage) {
                case "names" -> names;
                case "entities" -> new io.wirewatch.nlp.entity.EntityStageNames(
                        io.wirewatch.nlp.entity.ActorTagger.standard(names));
                default -> throw new IllegalArgumentException("--stage must be 'names' or 'entities', was '" + stage
                        + "'");
            };
            out.print(ConllEval.evaluate(finder, conll, output).table());
            if (output != null) {
                out.println("wrote " + output);
            }
            out.flush();
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("eval ner failed: " + e.getMessage());
            return 1;
        }
    }
}
