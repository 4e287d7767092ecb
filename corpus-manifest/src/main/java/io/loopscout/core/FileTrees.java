package io.loopscout.core;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Copying and deleting directory trees: scratch copies of crates and checkouts, work directories. */
public final class FileTrees {

    /** Directories a copy leaves out below its root: build output and git metadata. */
    private static final Set<String> SKIPPED = Set.of("target", ".git");

    private FileTrees() {
    }

    /**
     * Copies {@code from} into {@code to} (created), leaving out {@code target/} and {@code .git/} below the root;
     * files keep their attributes and replace what is there, symbolic links are copied as links.
     */
    public static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (!dir.equals(from) && SKIPPED.contains(name)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes {@code dir} and everything below it (links are deleted, not followed); nothing when absent. */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> all;
        try (var walk = Files.walk(dir)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            // a build may leave read-only directories behind; their entries can only go once they are writable
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                p.toFile().setWritable(true, true);
            }
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }

    /**
     * {@link #delete} for leftovers (scratch folders, old cache versions), where a failure is not the caller's
     * problem: whether everything went.
     */
    public static boolean deleteQuietly(Path dir) {
        if (dir == null) {
            return true;
        }
        try {
            delete(dir);
            return true;
        } catch (IOException | java.io.UncheckedIOException e) {
            return false; // e.g. a file another process holds or removed meanwhile
        }
    }
}
