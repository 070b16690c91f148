package io.wirewatch.broker;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data folder, so two wirewatch processes never run a broker on the same data: the
 * second is refused with a clear message before Kafka touches a file.
 */
final class DataDirLock implements AutoCloseable {

    static final String FILE = "wirewatch.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(dataDir, channel);
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            return new DataDirLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            throw inUse(dataDir, channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new BrokerException("cannot lock data folder " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static BrokerException inUse(Path dataDir, FileChannel channel) {
        String holder = "";
        try {
            holder = " (pid " + Files.readString(dataDir.resolve(FILE)).strip() + ")";
        } catch (IOException | RuntimeException e) {
            // the pid is a courtesy
        }
        closeQuietly(channel);
        return new BrokerException("data folder " + dataDir.toAbsolutePath() + " is in use by another wirewatch"
                + holder + ": stop it, or pass another --data-dir", null);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to do
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
