package io.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryIndexTest {

    @Test
    void shouldSkipAndCountMalformedSimRecordsAndKeepTheRest() {
        StoryIndex.Reader reader = new StoryIndex.Reader();

        reader.accept("id:a", "a");
        reader.accept("hash:h-a", "a");
        reader.accept("sim:a", StoryIndex.simValue(0x1234L, "a"));
        reader.accept("sim:b", "not-hex b");
        reader.accept("sim:c", "ffffffffffffffffff c");
        reader.accept("sim:d", "noclusterid");
        StoryIndex index = reader.index();

        assertThat(index.ids()).containsExactly("a");
        assertThat(index.hashes()).containsExactly("h-a");
        assertThat(index.clusters()).containsEntry(0x1234L, "a").hasSize(1);
        assertThat(reader.malformed()).isEqualTo(3);
    }
}
