package io.loopscout.runner.sandbox;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The write-quota watchdog of one sandboxed command: sums the sizes of the files under its writable
 * directories every {@link #PERIOD_MS} ms and flags when they grew by more than the quota since the start
 * (incremental target dirs keep what earlier builds wrote). Links are not followed. Single files beyond the
 * quota are stopped by the kernel ({@code prlimit --fsize}), the private /tmp by its tmpfs size.
 */
final class DiskWatch implements AutoCloseable {
    static final long PERIOD_MS = 500;

    private final List<Path> dirs;
    private final long quota;
    private final long baseline;
    private final AtomicBoolean exceeded = new AtomicBoolean();
    private final Thread thread;

    private DiskWatch(List<Path> dirs, long quota) {
        this.dirs = List.copyOf(dirs);
        this.quota = quota;
        this.baseline = dirs.isEmpty() ? 0 : size(this.dirs);
        if (dirs.isEmpty()) {
            thread = null;
            return;
        }
        thread = new Thread(this::watch, "sandbox-disk");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts watching {@code dirs} (nothing to watch when empty). */
    static DiskWatch start(List<Path> dirs, long quota) {
        return new DiskWatch(dirs, quota);
    }

    /** True once the watchdog saw more than the quota written. */
    boolean exceeded() {
        return exceeded.get();
    }

    /** Measures once more, now (after the command ended): true when more than the quota was written. */
    boolean exceededNow() {
        if (!dirs.isEmpty() && size(dirs) - baseline > quota) {
            exceeded.set(true);
        }
        return exceeded.get();
    }

    private void watch() {
        try {
            while (!exceeded.get()) {
                Thread.sleep(PERIOD_MS);
                if (size(dirs) - baseline > quota) {
                    exceeded.set(true);
                }
            }
        } catch (InterruptedException e) {
            // the command ended
        }
    }

    /** Total size of the regular files under {@code roots} (unreadable parts count as nothing). */
    static long size(List<Path> roots) {
        long[] total = {0};
        for (Path root : roots) {
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()) {
                            total[0] += attrs.size();
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE; // deleted while walking
                    }
                });
            } catch (IOException e) {
                // the directory went away: it holds nothing
            }
        }
        return total[0];
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
