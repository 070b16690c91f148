package io.wirewatch.nlp.ner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * How big the bundled model is: bytes on the class path, time to load, and heap retained once loaded (measured as
 * used heap after GC with and without the model, so an estimate; {@link PerceptronNameFinder#heapBytes()} beside
 * it). {@code ModelFootprint [MODEL]}.
 */
public final class ModelFootprint {

    private ModelFootprint() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        long fileBytes;
        try (InputStream in = PerceptronNameFinder.class.getResourceAsStream(PerceptronNameFinder.BUNDLED_RESOURCE)) {
            fileBytes = in == null ? -1 : in.readAllBytes().length;
        }
        long before = usedAfterGc();
        long start = System.nanoTime();
        PerceptronNameFinder model = args.length > 0
                ? PerceptronNameFinder.load(Path.of(args[0]))
                : PerceptronNameFinder.read(PerceptronNameFinder.class.getResourceAsStream(
                        PerceptronNameFinder.BUNDLED_RESOURCE));
        long loadNanos = System.nanoTime() - start;
        long after = usedAfterGc();
        System.out.printf("model file: %,d bytes (gzip)%n", fileBytes);
        System.out.printf("first load (cold JVM): %.0f ms%n", loadNanos / 1e6);
        System.out.printf("features: %,d%n", model.featureCount());
        System.out.printf("retained heap (used after GC, with minus without): %,d bytes%n", after - before);
        System.out.printf("heap estimate of its arrays: %,d bytes%n", model.heapBytes());
        for (int i = 0; i < 5; i++) {
            start = System.nanoTime();
            PerceptronNameFinder.read(PerceptronNameFinder.class.getResourceAsStream(
                    PerceptronNameFinder.BUNDLED_RESOURCE));
            System.out.printf("reload %d: %.0f ms%n", i + 1, (System.nanoTime() - start) / 1e6);
        }
        System.out.println(model.find(java.util.List.of("Stoltenberg", "said", ".")));
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
