package io.loopscout.pipeline.measure;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One build-and-benchmark at a time on this machine, across threads and across JVMs: a lock inside this JVM,
 * then an exclusive lock on {@value #FILE} in the cache directory. Every JVM a run uses (the direct runner's,
 * each TaskManager of a Flink cluster on the machine) is given the same cache directory, so they queue on one file.
 * The operating system releases the file lock when a JVM dies, so a killed TaskManager never leaves it held.
 */
public final class BenchmarkLock implements AutoCloseable {

    /** The lock file's name in the cache directory. */
    public static final String FILE = "benchmark.lock";

    // Java refuses a second lock on the same file from the same JVM (OverlappingFileLockException), and a file
    // lock belongs to the process, not the thread: the threads of one JVM queue here first.
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    private final FileChannel channel;
    private final FileLock lock;

    private BenchmarkLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits until no other thread or process holds the lock of {@code cacheDir}, then holds it until closed. */
    public static BenchmarkLock acquire(Path cacheDir) throws IOException {
        IN_THIS_JVM.lock();
        FileChannel channel = null;
        try {
            Files.createDirectories(cacheDir);
            channel = FileChannel.open(cacheDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new BenchmarkLock(channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            IN_THIS_JVM.unlock();
            throw e;
        }
    }

    /** Releases the file lock, then this JVM's. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            IN_THIS_JVM.unlock();
        }
    }
}
