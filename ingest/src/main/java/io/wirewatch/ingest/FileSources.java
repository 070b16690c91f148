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

/** Stories from files and folders: saved pages and texts, WARC archives and JSON lines. */
final class FileSources {

    private static final Logger LOG = LoggerFactory.getLogger(FileSources.class);

    private final StoryReader reader;
    private final WarcStories warcs;
    private final JsonLinesStories jsonLines;

    FileSources(Clock clock) {
        this.reader = new StoryReader(clock);
        this.warcs = new WarcStories(clock);
        this.jsonLines = new JsonLinesStories(clock);
    }

    void files(StoryProducer.Batch batch, List<Path> paths, IngestService.Progress progress) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            expand(path, files, batch.failures);
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
                WarcStories.Sink sink = new WarcStories.Sink() {
                    @Override
                    public void position(long bytes) {
                        progress.bytesRead(before + bytes, total);
                    }

                    @Override
                    public void story(String source, Story story) {
                        batch.offer(source, story);
                    }

                    @Override
                    public void failure(String source, String reason) {
                        batch.fail(source, reason);
                    }
                };
                try {
                    if (WarcStories.isWarc(file)) {
                        warcs.read(file, sink);
                    } else {
                        jsonLines.read(file, sink);
                    }
                } catch (IOException | RuntimeException e) {
                    batch.fail(file.toString(), "cannot read archive: " + e);
                }
                continue;
            }
            ReadResult result = reader.read(file);
            if (result instanceof ReadResult.Unreadable bad) {
                batch.fail(bad.path().toString(), bad.reason());
            } else {
                batch.offer(file.toString(), ((ReadResult.Read) result).story());
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

    private static void expand(Path path, List<Path> files, List<IngestReport.Failure> failures) {
        if (!Files.exists(path)) {
            failures.add(new IngestReport.Failure(path.toString(), "no such file or folder"));
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
                if (StoryReader.supports(p) || WarcStories.isWarc(p) || JsonLinesStories.isJsonLines(p)) {
                    files.add(p);
                } else {
                    skipped++;
                }
            }
            if (skipped > 0) {
                LOG.info("{}: skipped {} files that are not .txt, .html (optionally .gz), WARC or JSON lines", path, skipped);
            }
        } catch (IOException | UncheckedIOException e) {
            failures.add(new IngestReport.Failure(path.toString(), "cannot list folder: " + e));
        }
    }

}
