package io.wirewatch.tools.ner;

import io.wirewatch.nlp.entity.ActorTagger;
import io.wirewatch.nlp.entity.EntityStageNames;
import io.wirewatch.nlp.kb.ActorKb;
import io.wirewatch.nlp.ner.ConllCorpus;
import io.wirewatch.nlp.ner.ConllEval;

import io.wirewatch.nlp.ner.LabelledSentence;
import io.wirewatch.nlp.ner.PerceptronNameFinder;
import io.wirewatch.nlp.ner.Trainer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cross-validation of the whole entity stage on the name finder's training data: each fold of {@code eng.train}
 * is tagged by the name finder trained on the other folds, alone and inside the entity stage (knowledge base,
 * gazetteer, resolution, {@link EntityStageNames}), so that rules of the entity stage are checked and chosen on
 * training text the fold's model has not seen, never on a development or test split. Prints both pooled tables
 * and writes each fold's tagged tokens ({@code token gold predicted}) to {@code OUT/fold-N.names.tagged} and
 * {@code OUT/fold-N.stage.tagged}. Fold models are kept as {@code OUT/fold-N.model.gz} and reused when present
 * (delete them after changing the features or the training).
 *
 * <p>{@code EntityStageCrossValidation TRAIN.conll K OUT [--known-names]} (one run per fold model).
 */
public final class EntityStageCrossValidation {

    private EntityStageCrossValidation() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || args.length > 4 || args.length == 4 && !args[3].equals("--known-names")) {
            throw new IllegalArgumentException("usage: EntityStageCrossValidation TRAIN.conll K OUT [--known-names]");
        }
        List<LabelledSentence> sentences = ConllCorpus.read(Path.of(args[0]));
        int k = Integer.parseInt(args[1]);
        Path out = Files.createDirectories(Path.of(args[2]));
        Trainer.Options defaults = Trainer.Options.defaults();
        Trainer.Options options = new Trainer.Options(defaults.epochs(), defaults.folds(), defaults.seed(), 1,
                args.length == 4);
        ActorKb kb = ActorKb.standard();
        List<ConllEval.Scores> names = new ArrayList<>();
        List<ConllEval.Scores> stage = new ArrayList<>();
        for (int fold = 0; fold < k; fold++) {
            Path file = out.resolve("fold-" + (fold + 1) + ".model.gz");
            PerceptronNameFinder model;
            if (Files.exists(file)) {
                model = PerceptronNameFinder.load(file);
            } else {
                model = Trainer.train(CrossValidation.training(sentences, k, fold), options);
                model.save(file);
            }
            List<LabelledSentence> held = CrossValidation.heldOut(sentences, k, fold);
            names.add(score(model, held, out.resolve("fold-" + (fold + 1) + ".names.tagged")));
            stage.add(score(new EntityStageNames(new ActorTagger(kb, model)), held,
                    out.resolve("fold-" + (fold + 1) + ".stage.tagged")));
            System.out.printf("fold %d of %d: names %s%n             stage %s%n", fold + 1, k,
                    names.get(fold).overall(), stage.get(fold).overall());
        }
        System.out.println("name finder alone\n" + CrossValidation.pool(names).table());
        System.out.println("entity stage\n" + CrossValidation.pool(stage).table());
    }

    private static ConllEval.Scores score(io.wirewatch.nlp.ner.NameFinder finder, List<LabelledSentence> held,
                                          Path tagged) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(tagged, StandardCharsets.UTF_8)) {
            return ConllEval.score(finder, held, writer);
        }
    }
}
