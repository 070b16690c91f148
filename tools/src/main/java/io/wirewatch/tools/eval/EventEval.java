package io.wirewatch.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.nlp.entity.EntityTagger;
import io.wirewatch.nlp.kb.Actor;
import io.wirewatch.nlp.kb.ActorKb;
import io.wirewatch.nlp.stance.PatternStanceTagger;
import io.wirewatch.nlp.stance.StanceTagger;
import io.wirewatch.nlp.text.SentenceSplitter;
import io.wirewatch.nlp.text.TextDocument;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.Modality;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.Signal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Scores event coding against a PLOVER-style gold file (a JSON array of records with {@code event}, {@code text},
 * {@code source} and {@code target} actor lists, as in the PLOVER GSR): each record's text is enriched on its own,
 * the first signal that is not negated or denied is the prediction (no use is made of the gold markup), and the
 * report gives category accuracy, per-category and macro F1, source and target agreement, and the confusion
 * matrix.
 */
public final class EventEval {

    /** The label of a record for which no signal was found. */
    public static final String NONE = "NONE";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CAMEO_COUNTRY = Map.of("JPN", "JAP", "ITA", "ITL", "DEU", "DEU");

    private final SentenceSplitter splitter;
    private final EntityTagger entities;
    private final StanceTagger stance;
    private final ActorKb kb;

    public EventEval(SentenceSplitter splitter, EntityTagger entities, StanceTagger stance, ActorKb kb) {
        this.splitter = Objects.requireNonNull(splitter, "splitter");
        this.entities = Objects.requireNonNull(entities, "entities");
        this.stance = Objects.requireNonNull(stance, "stance");
        this.kb = Objects.requireNonNull(kb, "kb");
    }

    /** One gold record. */
    public record Gold(String id, String text, @Nullable Instant date, String category, List<String> sources,
                       List<String> targets) {
        public Gold {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(category, "category");
            sources = List.copyOf(sources);
            targets = List.copyOf(targets);
        }
    }

    /** One prediction beside its gold record. */
    public record Outcome(Gold gold, String category, @Nullable String source, @Nullable String target,
                          @Nullable String evidence, @Nullable String rule) {
        public boolean categoryCorrect() {
            return gold.category().equals(category);
        }

        public boolean sourceAgrees() {
            return source != null && gold.sources().contains(source);
        }

        public boolean targetAgrees() {
            return target != null && gold.targets().contains(target);
        }
    }

    /** Reads the gold records of a PLOVER-style file, skipping DOCUMENT entries. */
    public static List<Gold> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gold file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(file + ": expected a JSON array of event records");
        }
        List<Gold> records = new ArrayList<>();
        int index = 0;
        for (JsonNode node : root) {
            index++;
            String event = node.path("event").asText("");
            String text = node.path("text").asText("");
            if (event.isEmpty() || event.equals("DOCUMENT") || text.isBlank()) {
                continue;
            }
            String id = node.path("id").asText("record-" + index);
            records.add(new Gold(id, text, date(node.path("date").asText("")), event, codes(node.get("source")),
                    codes(node.get("target"))));
        }
        return records;
    }

    private static @Nullable Instant date(String text) {
        try {
            return text.isEmpty() ? null : LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> codes(@Nullable JsonNode actors) {
        List<String> codes = new ArrayList<>();
        if (actors != null && actors.isArray()) {
            for (JsonNode actor : actors) {
                String code = actor.path("code").asText("");
                if (!code.isEmpty()) {
                    codes.add(code);
                }
            }
        }
        return codes;
    }

    /** The prediction for one record. */
    public Outcome predict(Gold gold) {
        return predict(gold, stance);
    }

    private List<Signal> signals(Gold gold, StanceTagger tagger) {
        TextDocument document = TextDocument.of("", List.of(gold.text()), gold.date(), splitter);
        return tagger.tag(document, entities.tag(document));
    }

    private Outcome predict(Gold gold, StanceTagger tagger) {
        List<Signal> signals = signals(gold, tagger);
        Signal chosen = null;
        for (Signal signal : signals) {
            if (signal.getModality() != Modality.NEGATED && signal.getModality() != Modality.DENIED) {
                chosen = signal;
                break;
            }
        }
        if (chosen == null && !signals.isEmpty()) {
            chosen = signals.get(0);
        }
        if (chosen == null) {
            return new Outcome(gold, NONE, null, null, null, null);
        }
        return new Outcome(gold, plover(chosen.getCategory()), cameoCode(chosen.getSource()),
                cameoCode(chosen.getTarget()), chosen.getEvidence(), chosen.getRule());
    }

    /**
     * The PLOVER category of a signal's category. PLOVER has no category for CAMEO's appeals (02: "urged all sides
     * to show restraint"), which the coder keeps apart as APPEAL so that alerts can tell a call for calm from a
     * demand; PLOVER coders code an appeal as a DEMAND, so it is scored as one.
     */
    static String plover(PloverCategory category) {
        return category == PloverCategory.APPEAL ? PloverCategory.DEMAND.name() : category.name();
    }

    /** Our actor codes in the gold file's vocabulary: international bodies are "IGO", a few CAMEO country codes. */
    @Nullable String cameoCode(@Nullable String code) {
        if (code == null) {
            return null;
        }
        Optional<Actor> actor = kb.actor(code);
        if (actor.isPresent() && "IGO".equals(actor.get().sector())) {
            return "IGO";
        }
        if (actor.isPresent() && "NGO".equals(actor.get().sector())) {
            return "NGO";
        }
        if (actor.isPresent() && "armed group".equals(actor.get().sector())) {
            return "IMG";
        }
        return CAMEO_COUNTRY.getOrDefault(code, code);
    }

    /** Scores all records and writes each prediction beside its gold as a JSON line when {@code output} is given. */
    public Report evaluate(List<Gold> records, @Nullable Writer output) {
        List<Outcome> outcomes = new ArrayList<>(records.size());
        for (Gold gold : records) {
            Outcome outcome = predict(gold);
            outcomes.add(outcome);
            if (output != null) {
                write(output, outcome);
            }
        }
        return Report.of(outcomes);
    }

    private static void write(Writer output, Outcome outcome) {
        ObjectNode line = JSON.createObjectNode();
        line.put("id", outcome.gold().id());
        ObjectNode gold = line.putObject("gold");
        gold.put("category", outcome.gold().category());
        gold.putPOJO("sources", outcome.gold().sources());
        gold.putPOJO("targets", outcome.gold().targets());
        ObjectNode predicted = line.putObject("predicted");
        predicted.put("category", outcome.category());
        predicted.put("source", outcome.source());
        predicted.put("target", outcome.target());
        predicted.put("evidence", outcome.evidence());
        predicted.put("rule", outcome.rule());
        line.put("text", outcome.gold().text());
        try {
            output.write(JSON.writeValueAsString(line));
            output.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write prediction of " + outcome.gold().id(), e);
        }
    }

    /** The scores of an evaluation. */
    public record Report(int records, double accuracy, double macroF1, Map<String, double[]> perCategory,
                         double sourceAgreement, double targetAgreement, int withGoldSource, int withGoldTarget,
                         Map<String, Map<String, Integer>> confusion) {

        static Report of(List<Outcome> outcomes) {
            Set<String> goldLabels = new TreeSet<>();
            outcomes.forEach(o -> goldLabels.add(o.gold().category()));
            Map<String, Map<String, Integer>> confusion = new TreeMap<>();
            int correct = 0;
            int sourceAgree = 0;
            int targetAgree = 0;
            int withSource = 0;
            int withTarget = 0;
            for (Outcome outcome : outcomes) {
                confusion.computeIfAbsent(outcome.gold().category(), k -> new TreeMap<>())
                        .merge(outcome.category(), 1, Integer::sum);
                if (outcome.categoryCorrect()) {
                    correct++;
                }
                if (!outcome.gold().sources().isEmpty()) {
                    withSource++;
                    if (outcome.sourceAgrees()) {
                        sourceAgree++;
                    }
                }
                if (!outcome.gold().targets().isEmpty()) {
                    withTarget++;
                    if (outcome.targetAgrees()) {
                        targetAgree++;
                    }
                }
            }
            Map<String, double[]> perCategory = new TreeMap<>();
            double f1Sum = 0;
            for (String label : goldLabels) {
                int tp = 0;
                int fp = 0;
                int fn = 0;
                for (Outcome outcome : outcomes) {
                    boolean gold = outcome.gold().category().equals(label);
                    boolean predicted = outcome.category().equals(label);
                    if (gold && predicted) {
                        tp++;
                    } else if (predicted) {
                        fp++;
                    } else if (gold) {
                        fn++;
                    }
                }
                double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
                double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
                double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
                perCategory.put(label, new double[] {precision, recall, f1, tp + fn});
                f1Sum += f1;
            }
            int n = outcomes.size();
            return new Report(n, n == 0 ? 0 : (double) correct / n, goldLabels.isEmpty() ? 0 : f1Sum / goldLabels.size(),
                    perCategory, withSource == 0 ? 0 : (double) sourceAgree / withSource,
                    withTarget == 0 ? 0 : (double) targetAgree / withTarget, withSource, withTarget, confusion);
        }

        /** The report as text: the headline numbers, per-category scores and the confusion matrix. */
        public String format() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("records %d%ncategory accuracy %.3f%ncategory macro-F1 %.3f%n"
                            + "source agreement %.3f (of %d with a gold source)%n"
                            + "target agreement %.3f (of %d with a gold target)%n%n", records, accuracy, macroF1,
                    sourceAgreement, withGoldSource, targetAgreement, withGoldTarget));
            out.append(String.format("%-12s %6s %6s %6s %6s%n", "category", "P", "R", "F1", "gold"));
            perCategory.forEach((label, s) -> out.append(String.format("%-12s %6.3f %6.3f %6.3f %6d%n", label, s[0],
                    s[1], s[2], (int) s[3])));
            Set<String> columns = new TreeSet<>();
            confusion.values().forEach(row -> columns.addAll(row.keySet()));
            out.append("\nconfusion (rows gold, columns predicted)\n").append(String.format("%-12s", ""));
            for (String column : columns) {
                out.append(String.format(" %5.5s", column));
            }
            out.append('\n');
            confusion.forEach((gold, row) -> {
                out.append(String.format("%-12s", gold));
                for (String column : columns) {
                    out.append(String.format(" %5d", row.getOrDefault(column, 0)));
                }
                out.append('\n');
            });
            return out.toString();
        }
    }

    /**
     * K-fold cross-validation of the hand-written rules. They were written while reading gold sentences, so the plain
     * score flatters them; here each fold is scored by the coder without every hand-written rule that fires on no
     * sentence outside that fold: a rule written for one sentence (or a few of one fold) is dropped when that
     * sentence is scored, while rules that generalise to other sentences stay. The verb lexicon, derived from the
     * CAMEO dictionary and not from these sentences, always stays. Folds come from the record ids, so the split is
     * fixed. Needs the pattern tagger.
     */
    public CrossValidation crossValidate(List<Gold> records, int folds) {
        if (!(stance instanceof PatternStanceTagger patterns)) {
            throw new IllegalStateException("cross-validation needs the pattern stance tagger, not "
                    + stance.getClass().getName());
        }
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, not " + folds);
        }
        Set<String> handWritten = patterns.handWrittenRuleIds();
        List<Set<String>> fired = new ArrayList<>(records.size());
        for (Gold gold : records) {
            Set<String> ids = new TreeSet<>();
            for (Signal signal : signals(gold, patterns)) {
                String rule = signal.getRule();
                if (rule != null) {
                    int plus = rule.indexOf('+');
                    ids.add(plus < 0 ? rule : rule.substring(0, plus));
                }
            }
            fired.add(ids);
        }
        List<Outcome> outcomes = new ArrayList<>(records.size());
        int removedTotal = 0;
        for (int fold = 0; fold < folds; fold++) {
            Set<String> support = new TreeSet<>();
            for (int i = 0; i < records.size(); i++) {
                if (fold(records.get(i), folds) != fold) {
                    support.addAll(fired.get(i));
                }
            }
            Set<String> removed = new TreeSet<>();
            for (int i = 0; i < records.size(); i++) {
                if (fold(records.get(i), folds) == fold) {
                    for (String id : fired.get(i)) {
                        if (handWritten.contains(id) && !support.contains(id)) {
                            removed.add(id);
                        }
                    }
                }
            }
            removedTotal += removed.size();
            PatternStanceTagger without = patterns.withoutRules(removed);
            for (Gold gold : records) {
                if (fold(gold, folds) == fold) {
                    outcomes.add(predict(gold, without));
                }
            }
        }
        return new CrossValidation(folds, Report.of(outcomes), (double) removedTotal / folds, handWritten.size());
    }

    /** The fold of a record: from its id, so the same file always splits the same way. */
    static int fold(Gold gold, int folds) {
        return Math.floorMod(gold.id().hashCode() * 0x9E3779B1, folds);
    }

    /** A cross-validated report and how many hand-written rules each fold did without, on average. */
    public record CrossValidation(int folds, Report report, double rulesRemovedPerFold, int handWrittenRules) {
        public String format() {
            return String.format("%d-fold cross-validation of the hand-written rules (each fold scored without the"
                    + " %.1f of %d rules that fire only on its own sentences)%n%n", folds, rulesRemovedPerFold,
                    handWrittenRules) + report.format();
        }
    }

    /** Reads {@code data} and evaluates it, writing predictions to {@code output} when given. */
    public Report evaluate(Path data, @Nullable Path output) {
        List<Gold> records = read(data);
        if (output == null) {
            return evaluate(records, null);
        }
        try (Writer writer = Files.newBufferedWriter(output)) {
            return evaluate(records, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write predictions to " + output, e);
        }
    }
}
