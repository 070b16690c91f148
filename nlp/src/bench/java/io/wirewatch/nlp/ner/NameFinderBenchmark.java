package io.wirewatch.nlp.ner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Name-finder throughput on one thread, in tokens per second: the wirewatch perceptron and the whole wirewatch
 * entity stage (knowledge base, name finder, resolution, as {@code eval ner --stage entities} runs it: each sentence
 * joined into a text and tokenised again) beside Apache OpenNLP's name finder (trained by {@link OpenNlpBaseline}) on
 * the same {@value #TOKENS} tokens of a CoNLL file (whole sentences, in file order). Each operation is one token, so
 * JMH's ops/s is tokens/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xmx2g"})
@Threads(1)
public class NameFinderBenchmark {

    static final int TOKENS = 20_000;

    @Param("../shared/data/ner/conll2003/eng.testa")
    public String conll;

    @Param("enrich/target/opennlp-conll2003-en.bin")
    public String opennlpModel;

    private List<List<String>> sentences;
    private PerceptronNameFinder wirewatch;
    private NameFinder entityStage;
    private OpenNlpNameFinder opennlp;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        sentences = new ArrayList<>();
        int tokens = 0;
        for (LabelledSentence sentence : ConllCorpus.read(Path.of(conll))) {
            List<String> words = sentence.tokens();
            if (tokens + words.size() > TOKENS) {
                words = words.subList(0, TOKENS - tokens);
            }
            sentences.add(words);
            tokens += words.size();
            if (tokens == TOKENS) {
                break;
            }
        }
        if (tokens != TOKENS) {
            throw new IllegalStateException(conll + " has only " + tokens + " tokens, the benchmark needs " + TOKENS);
        }
        wirewatch = PerceptronNameFinder.bundled();
        entityStage = new io.wirewatch.nlp.entity.EntityStageNames(
                io.wirewatch.nlp.entity.ActorTagger.standard(wirewatch));
        Path model = Path.of(opennlpModel);
        opennlp = Files.exists(model) ? new OpenNlpNameFinder(OpenNlpNameFinder.load(model)) : null;
    }

    @Benchmark
    @OperationsPerInvocation(TOKENS)
    public void wirewatchPerceptron(Blackhole sink) {
        for (List<String> sentence : sentences) {
            sink.consume(wirewatch.find(sentence));
        }
    }

    @Benchmark
    @OperationsPerInvocation(TOKENS)
    public void wirewatchEntityStage(Blackhole sink) {
        for (List<String> sentence : sentences) {
            sink.consume(entityStage.find(sentence));
        }
    }

    @Benchmark
    @OperationsPerInvocation(TOKENS)
    public void opennlpNameFinder(Blackhole sink) {
        if (opennlp == null) {
            throw new IllegalStateException("no OpenNLP model at " + opennlpModel + "; run OpenNlpBaseline first");
        }
        opennlp.startDocument();
        for (List<String> sentence : sentences) {
            sink.consume(opennlp.find(sentence));
        }
    }
}
