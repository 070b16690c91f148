package io.wirewatch.app;

import io.wirewatch.nlp.Enricher;
import io.wirewatch.nlp.Enrichers;
import io.wirewatch.nlp.kb.ActorKb;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --kb FILE}: the user's own knowledge-base files (the format of the bundled {@code actors.tsv}), added to
 * the bundled one. Read when the command starts, so a bad line stops it at once with the file, line and reason.
 */
final class KbOptions {

    @Option(names = "--kb", paramLabel = "FILE",
            description = "Extend the actor knowledge base with this file (same tab-separated format as the"
                    + " bundled actors.tsv; repeatable).")
    List<Path> files = new ArrayList<>();

    /** The bundled knowledge base extended with every {@code --kb} file, or null when none was given. */
    @Nullable ActorKb load() {
        if (files.isEmpty()) {
            return null;
        }
        ActorKb kb = ActorKb.standard();
        for (Path file : files) {
            kb = kb.extendedWith(file);
        }
        return kb;
    }

    /** The standard enricher, on the extended knowledge base when {@code --kb} was given. */
    Enricher enricher(Clock clock) {
        return Enrichers.withKb(load(), clock);
    }
}
