package io.wirewatch.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    @Test
    void shouldCarryStageErrorAndCoordinatesThroughHeaders() {
        DeadLetter letter = DeadLetter.of("enrich", new SerializationException("corrupt Story"),
                "news.stories.raw", 2, 41L);

        DeadLetter read = DeadLetter.from(letter.toHeaders());

        assertThat(read).isEqualTo(letter);
        assertThat(read.errorClass()).isEqualTo(SerializationException.class.getName());
        assertThat(read.message()).isEqualTo("corrupt Story");
    }

    @Test
    void shouldFindNoDeadLetterInOrdinaryHeaders() {
        assertThat(DeadLetter.from(new org.apache.kafka.common.header.internals.RecordHeaders())).isNull();
    }
}
