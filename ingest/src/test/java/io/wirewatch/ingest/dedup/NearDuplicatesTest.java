package io.wirewatch.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

    private static String seed() throws Exception {
        String text = Files.readString(Path.of(NearDuplicatesTest.class.getResource("/golden/seed-text.txt").toURI()));
        return text.substring(text.indexOf('\n')).strip();
    }

    @Test
    void shouldPutARepublishedCopyWithSmallEditsInTheOriginalsCluster() throws Exception {
        String original = seed();
        // a republisher: another dateline style, a sentence dropped, furniture added, typography changed
        List<String> paragraphs = new ArrayList<>(List.of(original.split("\n\n")));
        paragraphs.set(0, paragraphs.get(0).replace("WASHINGTON, United States –", "WASHINGTON (AP) —"));
        paragraphs.remove(5);
        paragraphs.add("Copyright 2022 The Associated Press. All rights reserved.");
        String copy = String.join("\n\n", paragraphs).replace('’', '\'');

        NearDuplicates index = new NearDuplicates(3);
        assertThat(index.add("original", original)).isEqualTo(new NearDuplicates.Assignment("original", false));
        assertThat(index.add("copy", copy)).isEqualTo(new NearDuplicates.Assignment("original", true));
        assertThat(SimHash.distance(SimHash.of(original), SimHash.of(copy))).isLessThanOrEqualTo(3);
    }

    @Test
    void shouldKeepDifferentStoriesApart() throws Exception {
        NearDuplicates index = new NearDuplicates(3);
        index.add("seed", seed());
        String other = "Norway offered on Wednesday to host talks between fishing nations that have quarrelled "
                + "for months over cod quotas in the Barents Sea, saying it was ready to sit down without "
                + "preconditions. Foreign Minister Ingrid Solberg told reporters that invitations had gone out.";
        assertThat(index.add("other", other)).isEqualTo(new NearDuplicates.Assignment("other", false));
        assertThat(SimHash.distance(SimHash.of(seed()), SimHash.of(other))).isGreaterThan(10);
    }

    @Test
    void shouldRejectADistanceTheBandsCannotGuarantee() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new NearDuplicates(16));
    }

    @Test
    void shouldClusterTheSameWhateverTheOrderStoriesWereRememberedIn() {
        NearDuplicates oneWay = new NearDuplicates(3);
        oneWay.remember(0b01L, "cluster-b");
        oneWay.remember(0b10L, "cluster-a");
        NearDuplicates otherWay = new NearDuplicates(3);
        otherWay.remember(0b10L, "cluster-a");
        otherWay.remember(0b01L, "cluster-b");

        assertThat(oneWay.add("new", 0L).clusterId()).isEqualTo("cluster-a");
        assertThat(otherWay.add("new", 0L).clusterId()).isEqualTo("cluster-a");
    }

    @Test
    void shouldJoinTheNearestOfTwoCloseStories() {
        NearDuplicates clusters = new NearDuplicates(3);
        clusters.remember(0b111L, "three-bits-away");
        clusters.remember(0b1L, "one-bit-away");

        assertThat(clusters.add("new", 0L).clusterId()).isEqualTo("one-bit-away");
    }
}
