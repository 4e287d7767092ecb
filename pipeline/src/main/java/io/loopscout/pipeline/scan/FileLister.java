package io.loopscout.pipeline.scan;

import io.loopscout.core.Language;
import io.loopscout.extract.SourceFile;
import io.loopscout.pipeline.acquire.Acquirers;
import io.loopscout.pipeline.acquire.InputLimits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the Rust and C files of a checkout as {@link SourceFile} elements: skips files over the size cap and
 * binary files, refuses symbolic links that leave the checkout, decodes non-UTF-8 text with replacement; counts
 * each case. Stops at the project's {@link InputLimits} (source files and their bytes) and says so.
 */
public final class FileLister {

    /** Files larger than this are skipped (and counted). */
    public static final long MAX_FILE_BYTES = 2L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(FileLister.class);

    private final long maxBytes;
    private final InputLimits limits;

    public FileLister() {
        this(MAX_FILE_BYTES, InputLimits.DEFAULT);
    }

    public FileLister(long maxBytes, InputLimits limits) {
        this.maxBytes = maxBytes;
        this.limits = limits;
    }

    /**
     * What listing a project gave.
     *
     * @param stats  the counts
     * @param capped why the listing (or the checkout before it) stopped at a cap, or null when it did not
     */
    public record Listing(ScanStats stats, String capped) {
    }

    /** Emits every readable source file under {@code root} to {@code sink} up to the caps; returns the counts. */
    public Listing list(String project, String version, Path root, Consumer<SourceFile> sink) throws IOException {
        long[] c = new long[6]; // scanned, bytes, large, binary, symlinks, notUtf8
        Path realRoot = root.toRealPath();
        Path refusedList = root.resolve(Acquirers.REFUSED_SYMLINKS);
        if (Files.isRegularFile(refusedList)) {
            c[4] += Files.readAllLines(refusedList).stream().filter(l -> !l.isBlank()).count();
        }
        String[] capped = {checkoutCapped(root)};
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.getFileName() != null && dir.getFileName().toString().equals(".git")
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isSymbolicLink()) {
                    if (!staysInside(file, realRoot)) {
                        c[4]++;
                        LOG.info("{}: refused symlink {} (leaves the checkout)", project, root.relativize(file));
                    }
                    return FileVisitResult.CONTINUE; // inside links name files the walk reaches anyway
                }
                if (attrs.isRegularFile() && Language.ofFile(file.toString()) != null) {
                    files.add(file);
                    if (files.size() > limits.maxFiles()) {
                        // the path list stays bounded too (a tree of a million files)
                        capped[0] = "listing stopped at " + limits.maxFiles() + " source files: "
                                + limits.exceeded(files.size(), 0);
                        files.remove(files.size() - 1);
                        return FileVisitResult.TERMINATE;
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                LOG.warn("{}: cannot read {}: {}", project, file, exc.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        for (Path file : files) {
            String rel = root.relativize(file).toString().replace('\\', '/');
            long size = Files.size(file);
            if (size > maxBytes) {
                c[2]++;
                LOG.info("{}: skipped {} ({} bytes, over the {} byte cap)", project, rel, size, maxBytes);
                continue;
            }
            String over = limits.exceeded(c[0] + 1, c[1] + size);
            if (over != null) {
                capped[0] = "listing stopped at " + c[0] + " source files, " + c[1] + " bytes: " + over;
                break;
            }
            byte[] bytes = Files.readAllBytes(file);
            if (isBinary(bytes)) {
                c[3]++;
                LOG.info("{}: skipped binary file {}", project, rel);
                continue;
            }
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                c[5]++;
                LOG.info("{}: {} is not UTF-8; read with replacement characters", project, rel);
                text = new String(bytes, StandardCharsets.UTF_8);
            }
            c[0]++;
            c[1] += bytes.length;
            sink.accept(new SourceFile(project, version, rel, Language.ofFile(rel), text));
        }
        return new Listing(ScanStats.listed(c[0], c[1], c[2], c[3], c[4], c[5]), capped[0]);
    }

    /** Why acquisition stopped writing the checkout ({@link Acquirers#CAPPED}), or null. */
    private static String checkoutCapped(Path root) throws IOException {
        Path capped = root.resolve(Acquirers.CAPPED);
        if (!Files.isRegularFile(capped)) {
            return null;
        }
        List<String> lines = Files.readAllLines(capped);
        return lines.size() > 1 ? lines.get(1) : "checkout stopped at a cap";
    }

    private static boolean staysInside(Path link, Path realRoot) {
        try {
            Path target = Files.readSymbolicLink(link);
            Path resolved = link.getParent().toRealPath().resolve(target).normalize();
            if (!resolved.startsWith(realRoot)) {
                return false;
            }
            return !Files.exists(resolved) || resolved.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }

    /** Binary, as git decides it: a NUL byte in the first 8000 bytes. */
    static boolean isBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8000);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
