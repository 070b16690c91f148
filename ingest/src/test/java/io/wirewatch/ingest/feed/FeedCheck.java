package io.wirewatch.ingest.feed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

/** Development main: parses every feed document of a folder (e.g. ../shared/data/feeds/rome) and summarises it. */
public final class FeedCheck {

    private FeedCheck() {
    }

    public static void main(String[] args) throws Exception {
        FeedParser parser = new FeedParser(Clock.systemUTC());
        int files = 0;
        int feeds = 0;
        try (Stream<Path> list = Files.list(Path.of(args[0]))) {
            for (Path file : list.sorted().toList()) {
                if (!file.toString().endsWith(".xml") && !file.toString().endsWith(".json")) {
                    continue;
                }
                files++;
                FeedResult result = parser.parse(Files.readAllBytes(file), null);
                if (result instanceof FeedResult.Parsed parsed) {
                    feeds++;
                    Feed feed = parsed.feed();
                    long dated = feed.items().stream().filter(i -> i.published() != null).count();
                    long linked = feed.items().stream().filter(i -> i.link() != null).count();
                    System.out.printf("%-28s %-22s %2d items, %2d dated, %2d linked%s  first: %s%n",
                            file.getFileName(), feed.format(), feed.items().size(), dated, linked,
                            parsed.recovered() ? " (recovered)" : "",
                            feed.items().isEmpty() ? "-" : feed.items().get(0).title() + " | "
                                    + feed.items().get(0).published());
                } else {
                    System.out.printf("%-28s MALFORMED %s%n", file.getFileName(), ((FeedResult.Malformed) result).reason());
                }
            }
        }
        System.out.printf("%d of %d documents parsed as feeds%n", feeds, files);
    }
}
