package io.wirewatch.app;

import io.wirewatch.nlp.entity.ActorTagger;
import io.wirewatch.tools.eval.EventEval;
import io.wirewatch.nlp.kb.ActorKb;
import io.wirewatch.nlp.ner.NameFinder;
import io.wirewatch.nlp.ner.PerceptronNameFinder;
import io.wirewatch.nlp.stance.PatternStanceTagger;
import io.wirewatch.nlp.text.WireSentenceSplitter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch eval events --data FILE [--output FILE] [--kb FILE] [--cv K] [--name-finder]}: scores stance
 * signals against a PLOVER-style gold file and prints category accuracy, macro-F1, source/target agreement and the
 * confusion matrix. Actors come from the knowledge base alone unless {@code --name-finder} adds the bundled
 * statistical name finder, as the running pipeline has it.
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Score event coding (PLOVER category, source and target actors) against a gold file.")
public final class EvalEventsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "PLOVER-style gold file: a JSON array of records with event, text, source and target.")
    Path data;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Also write each record's prediction beside its gold as JSON lines.")
    Path output;

    @Option(names = "--kb", paramLabel = "FILE", description = "An actor file that extends the bundled knowledge base.")
    Path kbFile;

    @Option(names = "--name-finder", description = "Also run the bundled statistical name finder, as the pipeline"
            + " does (default: the knowledge base alone).")
    boolean nameFinder;

    @Option(names = "--cv", paramLabel = "K", description = "Also cross-validate the hand-written rules over K folds:"
            + " each fold scored without the rules that fire only on its own sentences.")
    Integer folds;

    private final NameFinder names;

    /** With no statistical name finder: the knowledge base alone. */
    public EvalEventsCommand() {
        this(NameFinder.none());
    }

    /** With the application's name finder. */
    public EvalEventsCommand(NameFinder names) {
        this.names = Objects.requireNonNull(names, "names");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isReadable(data)) {
            err.println("cannot read gold file " + data);
            return 2;
        }
        ActorKb kb = kbFile == null ? ActorKb.standard() : ActorKb.standard().extendedWith(kbFile);
        EventEval eval = new EventEval(WireSentenceSplitter.standard(), new ActorTagger(kb,
                nameFinder ? PerceptronNameFinder.bundled() : names),
                PatternStanceTagger.withKb(kb), kb);
        EventEval.Report report = eval.evaluate(data, output);
        out.print(report.format());
        if (output != null) {
            out.println("\npredictions written to " + output);
        }
        if (folds != null) {
            if (folds < 2) {
                err.println("--cv needs at least 2 folds, not " + folds);
                return 2;
            }
            out.println();
            out.print(eval.crossValidate(EventEval.read(data), folds).format());
        }
        out.flush();
        return 0;
    }
}
