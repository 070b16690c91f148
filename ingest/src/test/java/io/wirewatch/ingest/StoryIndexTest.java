package io.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryIndexTest {

    @Test
    void shouldReadEachKindOfRecordAndNameWhatIsMalformed() {
        assertThat(StoryIndex.parse("id:a", "a")).isEqualTo(new StoryIndex.Id("a"));
        assertThat(StoryIndex.parse("hash:h-a", "a")).isEqualTo(new StoryIndex.Hash("h-a"));
        assertThat(StoryIndex.parse("sim:a", StoryIndex.simValue(0x1234L, "a")))
                .isEqualTo(new StoryIndex.Sim(0x1234L, "a"));
        assertThat(StoryIndex.parse("sim:a", StoryIndex.simValue(-1L, "c"))).isEqualTo(new StoryIndex.Sim(-1L, "c"));
        assertThat(StoryIndex.parse("sim:b", "not-hex b")).isInstanceOf(StoryIndex.Malformed.class);
        assertThat(StoryIndex.parse("sim:c", "ffffffffffffffffff c")).isInstanceOf(StoryIndex.Malformed.class);
        assertThat(StoryIndex.parse("sim:d", "noclusterid")).isInstanceOf(StoryIndex.Malformed.class);
        assertThat(StoryIndex.parse("sim:e", "1234 a\nb")).isInstanceOf(StoryIndex.Malformed.class);
        assertThat(StoryIndex.parse(null, "x")).isInstanceOf(StoryIndex.Other.class);
        assertThat(StoryIndex.parse("other:x", "x")).isInstanceOf(StoryIndex.Other.class);
    }
}
