package io.wirewatch.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the command writes to a terminal, so that progress lines redrawn in place are only drawn there. */
final class Terminal {

    private Terminal() {
    }

    /**
     * Whether standard error is a terminal: on Linux, read from where file descriptor 2 points (a tty or pts
     * device); elsewhere, whether the JVM has a console at all. {@code WIREWATCH_PROGRESS=0} turns it off.
     */
    static boolean stderrIsTerminal() {
        if ("0".equals(System.getenv("WIREWATCH_PROGRESS"))) {
            return false;
        }
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.exists(fd, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
