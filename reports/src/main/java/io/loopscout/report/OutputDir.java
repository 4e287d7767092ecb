package io.loopscout.report;

import io.loopscout.core.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Publishes a run's output set into {@code --out} as a whole: the files are written into a staging directory
 * beside it ({@code .NAME.tmp-PID}), then directories are renamed — {@code --out} to {@code .NAME.old-PID},
 * the staging directory to {@code --out} — and the previous set is moved to {@code --out/history/STAMP}
 * (the {@value #KEEP_HISTORY} newest are kept). A reader (or a run killed at any point) sees the previous
 * complete set, the new complete set, or, between the two renames, no {@code --out} at all — never a mix, and
 * never a stale file of a previous run beside new ones. One run per {@code --out} at a time.
 */
public final class OutputDir {

    /** The folder inside {@code --out} holding the previous output sets, newest by name last. */
    public static final String HISTORY = "history";
    /** How many previous sets {@link #HISTORY} keeps. */
    public static final int KEEP_HISTORY = 10;
    /** The file every complete output set holds: an existing {@code --out} without it is not ours to replace. */
    static final String MARKER = RunJson.FILE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private OutputDir() {
    }

    /**
     * Refuses an {@code --out} that exists and holds something other than a loopscout output set (a home or a
     * source directory given by mistake would otherwise be moved into history).
     *
     * @throws IllegalArgumentException naming the directory and why
     */
    public static void checkReplaceable(Path out) {
        Path dir = out.toAbsolutePath().normalize();
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + " exists and is not a directory");
        }
        try {
            if (!isEmpty(dir) && !Files.isRegularFile(dir.resolve(MARKER))) {
                throw new IllegalArgumentException("--out " + dir + " is not empty and holds no " + MARKER
                        + ": not a loopscout output folder, refusing to replace it (give a new or empty folder)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --out " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a new output set with {@code writer} (given the staging directory, returning the files it wrote)
     * and publishes it as {@code out}.
     *
     * @return the published files, under {@code out}
     */
    public static List<Path> publish(Path out, Function<Path, List<Path>> writer) {
        Path dir = out.toAbsolutePath().normalize();
        checkReplaceable(dir);
        Path parent = dir.getParent();
        String name = dir.getFileName().toString();
        long pid = ProcessHandle.current().pid();
        Path staging = parent.resolve("." + name + ".tmp-" + pid);
        Path old = parent.resolve("." + name + ".old-" + pid);
        try {
            Files.createDirectories(parent);
            removeLeftovers(parent, name);
            Files.createDirectories(staging);
            List<Path> written = writer.apply(staging);
            boolean hadPrevious = Files.isDirectory(dir);
            if (hadPrevious && isEmpty(dir)) {
                Files.delete(dir); // an empty folder is no previous set worth a history entry
                hadPrevious = false;
            }
            if (hadPrevious) {
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            if (hadPrevious) {
                keepAsHistory(old, dir);
            }
            List<Path> published = new ArrayList<>();
            for (Path p : written) {
                published.add(dir.resolve(staging.relativize(p.toAbsolutePath().normalize())));
            }
            return published;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the outputs into " + dir + ": " + e.getMessage(), e);
        } finally {
            try {
                FileTrees.delete(staging); // gone already once published; a failed write leaves nothing behind
            } catch (IOException e) {
                // a leftover staging directory is removed by the next run (removeLeftovers)
            }
        }
    }

    /** Moves the previous set (and its own history) under the new set's {@link #HISTORY}; trims it. */
    private static void keepAsHistory(Path old, Path dir) throws IOException {
        Path history = dir.resolve(HISTORY);
        Path oldHistory = old.resolve(HISTORY);
        if (Files.isDirectory(oldHistory)) {
            Files.move(oldHistory, history, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.createDirectories(history);
        Path slot = history.resolve(STAMP.format(Instant.now()));
        for (int i = 1; Files.exists(slot); i++) {
            slot = history.resolve(STAMP.format(Instant.now()) + "-" + i);
        }
        Files.move(old, slot, StandardCopyOption.ATOMIC_MOVE);
        List<Path> sets = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(history)) {
            s.forEach(sets::add);
        }
        sets.sort(null);
        for (int i = 0; i < sets.size() - KEEP_HISTORY; i++) {
            FileTrees.delete(sets.get(i));
        }
    }

    /**
     * What a run killed before finishing left beside {@code --out}: staging directories are dropped; a previous
     * set whose run died between the two renames is put back when {@code --out} is missing, else kept in history.
     */
    private static void removeLeftovers(Path parent, String name) throws IOException {
        List<Path> olds = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, "." + name + ".*-*")) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (n.startsWith("." + name + ".tmp-") && !alive(n)) {
                    FileTrees.delete(p);
                } else if (n.startsWith("." + name + ".old-") && !alive(n)) {
                    olds.add(p);
                }
            }
        }
        Path dir = parent.resolve(name);
        for (Path p : olds) {
            if (!Files.exists(dir)) {
                Files.move(p, dir, StandardCopyOption.ATOMIC_MOVE);
            } else if (Files.isRegularFile(dir.resolve(MARKER))) {
                keepAsHistory(p, dir);
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    /** True when the pid that names a leftover is a live process (another run publishing now). */
    private static boolean alive(String leftover) {
        try {
            long pid = Long.parseLong(leftover.substring(leftover.lastIndexOf('-') + 1));
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive)
                    .orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
