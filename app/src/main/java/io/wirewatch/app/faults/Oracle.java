package io.wirewatch.app.faults;

import io.wirewatch.alerts.rules.RuleSet;
import io.wirewatch.app.backtest.Backtest;
import io.wirewatch.nlp.Enricher;
import io.wirewatch.ingest.archive.JsonLinesStories;
import io.wirewatch.ingest.archive.WarcStories;
import io.wirewatch.ingest.dedup.NearDuplicates;
import io.wirewatch.ingest.dedup.SimHash;
import io.wirewatch.schema.Story;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the live pipeline must end with: the stories of a JSON lines file read as {@code wirewatch ingest} reads
 * them (same reader, exact duplicates dropped, near-duplicate clusters given in file order), run through
 * {@link Backtest} with the same rules and enricher.
 */
record Oracle(List<Story> stories, Backtest.Result result) {

    static Oracle of(Path file, RuleSet rules, Enricher enricher, Clock clock) {
        List<Story> stories = read(file, clock);
        return new Oracle(stories, Backtest.run(stories, rules, enricher, Instant.EPOCH));
    }

    /** The stories as ingest would write them. */
    static List<Story> read(Path file, Clock clock) {
        List<Story> stories = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        NearDuplicates clusters = new NearDuplicates(3);
        try {
            new JsonLinesStories(clock).read(file, new WarcStories.Sink() {
                @Override
                public void position(long bytes) {
                }

                @Override
                public void story(String source, Story story) {
                    if (ids.add(story.getId()) & hashes.add(story.getContentHash())) {
                        long fingerprint = SimHash.of(String.join("\n\n", story.getParagraphs()));
                        story.setClusterId(clusters.add(story.getId(), fingerprint).clusterId());
                        stories.add(story);
                    }
                }

                @Override
                public void failure(String source, String reason) {
                    failures.add(source + ": " + reason);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the generated stories in " + file, e);
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the generated stories in " + file + " do not all read as stories: "
                    + failures.get(0) + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more)" : ""));
        }
        return stories;
    }
}
