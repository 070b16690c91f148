package io.wirewatch.alerts.bench;

import io.wirewatch.alerts.backtest.Backtest;
import io.wirewatch.alerts.backtest.BacktestReport;
import io.wirewatch.alerts.rules.DefaultRules;
import io.wirewatch.alerts.rules.RuleSet;
import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Story;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Benchmark command, not a test (runs only when named): backtest throughput over an archive of synthetic enriched
 * stories (a mix of threats, syndicated copies, quiet business stories, de-escalations and denials over 60 days),
 * rules and report included. Prints stories/s and writes {@code target/bench/backtest.txt}.
 *
 * <pre>
 * ./mvnw -B -o -q -pl alerts -am test -Dtest=BacktestBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.stories=10000
 * </pre>
 */
class BacktestBenchmark {

    @Test
    void measureBacktestThroughput() throws Exception {
        int count = Integer.getInteger("bench.stories", 10_000);
        List<EnrichedStory> archive = archive(count);
        RuleSet rules = DefaultRules.ruleSet();
        int rounds = 7;
        double[] perSecond = new double[rounds];
        int alerts = 0;
        int bytes = 0;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            Backtest.Result result = Backtest.run(rules, archive);
            String html = BacktestReport.html(result, Instant.EPOCH);
            double seconds = (System.nanoTime() - start) / 1e9;
            perSecond[round] = count / seconds;
            alerts = result.alerts().size();
            bytes = html.length();
        }
        double[] measured = Arrays.copyOfRange(perSecond, 2, rounds);
        Arrays.sort(measured);
        String report = String.format(Locale.ROOT, "backtest over %d enriched stories (default rules, report "
                        + "included): %d alerts, report %d KB%nmedian %.0f stories/s, best %.0f stories/s "
                        + "(%d measured rounds after 2 warm-up)%n", count, alerts, bytes / 1024,
                measured[measured.length / 2], measured[measured.length - 1], measured.length);
        System.out.print(report);
        Path out = Path.of("target", "bench", "backtest.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static List<EnrichedStory> archive(int count) {
        List<EnrichedStory> stories = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            EnrichedStory base = switch (i % 5) {
                case 0 -> Stories.seed("s-" + i, null);
                case 1 -> Stories.seed("s-" + i, "cluster-" + (i / 10));
                case 2 -> Stories.business();
                case 3 -> Stories.deEscalation();
                default -> Stories.denial();
            };
            Story story = Story.newBuilder(base.getStory()).setId("s-" + i)
                    .setPublishedAt(Stories.PUBLISHED.plus(Duration.ofMinutes(i * 60L * 24 * 60 / count))).build();
            stories.add(EnrichedStory.newBuilder(base).setStory(story).build());
        }
        return stories;
    }
}
