package io.wirewatch.ingest;

import io.wirewatch.ingest.archive.JsonLinesStories;
import io.wirewatch.ingest.archive.WarcStories;
import io.wirewatch.schema.Story;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stories from files and folders, without Kafka: saved pages and texts, WARC archives and JSON lines. The one
 * reader of files for {@code ingest} and {@code backtest}: every story, failure and skipped input goes to the sink
 * with its source and reason.
 */
public final class FileSources {

    private static final Logger LOG = LoggerFactory.getLogger(FileSources.class);
    /** Why a file in a folder is not read. */
    static final String UNSUPPORTED = "not a story file (.txt, .html, .htm, optionally .gz; .warc(.gz); .jsonl(.gz))";

    private final StoryReader reader;
    private final WarcStories warcs;
    private final JsonLinesStories jsonLines;

    public FileSources(Clock clock) {
        this.reader = new StoryReader(clock);
        this.warcs = new WarcStories(clock);
        this.jsonLines = new JsonLinesStories(clock);
    }

    /** True when {@code path} is named like a file this reader takes (a story, a WARC or a JSON lines file). */
    public static boolean supports(Path path) {
        return StoryReader.supports(path) || WarcStories.isWarc(path) || JsonLinesStories.isJsonLines(path);
    }

    /** Reads {@code paths} (files, and folders recursively) into {@code sink}, telling {@code progress}. */
    public void read(List<Path> paths, WarcStories.Sink sink, IngestService.Progress progress) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            expand(path, files, sink);
        }
        long totalBytes = 0;
        for (Path file : files) {
            totalBytes += size(file);
        }
        long total = totalBytes;
        long bytesDone = 0;
        int done = 0;
        for (Path file : files) {
            if (done > 0) {
                progress.fileDone(done, files.size(), files.get(done - 1));
                progress.bytesRead(bytesDone, total);
            }
            done++;
            long before = bytesDone;
            bytesDone += size(file);
            if (WarcStories.isWarc(file) || JsonLinesStories.isJsonLines(file)) {
                WarcStories.Sink archive = new WarcStories.Sink() {
                    @Override
                    public void position(long bytes) {
                        progress.bytesRead(before + bytes, total);
                    }

                    @Override
                    public void story(String source, Story story) {
                        sink.story(source, story);
                    }

                    @Override
                    public void failure(String source, String reason) {
                        sink.failure(source, reason);
                    }

                    @Override
                    public void skipped(String source, String reason) {
                        sink.skipped(source, reason);
                    }
                };
                try {
                    if (WarcStories.isWarc(file)) {
                        warcs.read(file, archive);
                    } else {
                        jsonLines.read(file, archive);
                    }
                } catch (IOException | RuntimeException e) {
                    sink.failure(file.toString(), "cannot read archive: " + e);
                }
                continue;
            }
            ReadResult result = reader.read(file);
            if (result instanceof ReadResult.Unreadable bad) {
                sink.failure(bad.path().toString(), bad.reason());
            } else {
                sink.story(file.toString(), ((ReadResult.Read) result).story());
            }
        }
        if (!files.isEmpty()) {
            progress.fileDone(files.size(), files.size(), files.get(files.size() - 1));
            progress.bytesRead(total, total);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void expand(Path path, List<Path> files, WarcStories.Sink sink) {
        if (!Files.exists(path)) {
            sink.failure(path.toString(), "no such file or folder");
            return;
        }
        if (!Files.isDirectory(path)) {
            files.add(path);
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> found = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
            int skipped = 0;
            for (Path p : found) {
                if (supports(p)) {
                    files.add(p);
                } else {
                    skipped++;
                    sink.skipped(p.toString(), UNSUPPORTED);
                }
            }
            if (skipped > 0) {
                LOG.info("{}: skipped {} files: {}", path, skipped, UNSUPPORTED);
            }
        } catch (IOException | UncheckedIOException e) {
            sink.failure(path.toString(), "cannot list folder: " + e);
        }
    }

}
