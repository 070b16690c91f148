package io.wirewatch.alerts.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.alerts.rules.DefaultRules;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.StanceChange;
import io.wirewatch.schema.StanceChangeKind;
import io.wirewatch.schema.Topics;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** Issue 13: an Error thrown while judging one record must not take the stream thread (and that record) round again. */
class EvaluateProcessorTest {

    private static final AvroSerde<StanceChange> CHANGES = AvroSerde.of(StanceChange.class);

    private static byte[] change() {
        return CHANGES.encode(StanceChange.newBuilder().setId("c1").setSource("RUS").setTarget("USA")
                .setKind(StanceChangeKind.SHIFT).setAt(Instant.parse("2026-01-01T00:00:00Z")).build());
    }

    private static MockProcessorContext<String, Outcome> judgeWith(Throwable error) {
        EvaluateProcessor<StanceChange> processor = new EvaluateProcessor<>(CHANGES, Topics.STANCE_CHANGES.name(),
                (rules, value, raisedAt) -> {
                    if (error instanceof Error e) {
                        throw e;
                    }
                    throw (RuntimeException) error;
                }, value -> "enrich", DefaultRules::ruleSet, Clock.systemUTC());
        MockProcessorContext<String, Outcome> context = new MockProcessorContext<>();
        processor.init(context);
        processor.process(new Record<>(new byte[] {1}, change(), 5L));
        return context;
    }

    @Test
    void shouldSendARecordWhoseJudgementOverflowsTheStackToTheDeadLetters() {
        MockProcessorContext<String, Outcome> context = judgeWith(new StackOverflowError("deep rule"));

        assertThat(context.forwarded()).singleElement().satisfies(forwarded -> {
            assertThat(forwarded.record().value()).isInstanceOf(Outcome.Dead.class);
            DeadLetter why = DeadLetter.from(forwarded.record().headers());
            assertThat(why).isNotNull();
            assertThat(why.errorClass()).isEqualTo(StackOverflowError.class.getName());
        });
    }

    @Test
    void shouldSendARecordWhoseJudgementRunsOutOfHeapToTheDeadLetters() {
        MockProcessorContext<String, Outcome> context = judgeWith(new OutOfMemoryError("Java heap space"));

        assertThat(context.forwarded()).singleElement().satisfies(forwarded ->
                assertThat(forwarded.record().value()).isInstanceOf(Outcome.Dead.class));
    }
}
