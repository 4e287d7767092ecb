package io.loopscout.pipeline.scan;

import io.loopscout.core.FileTrees;
import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.ProjectExtractor;
import io.loopscout.extract.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-file extraction results on disk, keyed by the file's path, the SHA-256 of its text and the extractor
 * version (a digest of the extractor's classes), so a second run re-reads only what changed. A result that used
 * other files of its project ({@link Entry#crateWide()}) also records the project's content digest and holds only
 * while it is the same. A damaged or unreadable entry is a miss, never an error.
 */
public final class ExtractionCache {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractionCache.class);
    /** The extractor's code: what a cached result depends on besides the file (and, crate-wide, its project). */
    private static final List<String> EXTRACTOR_PACKAGES = List.of("io/loopscout/extract/", "io/loopscout/core/",
            "org/treesitter/");
    private static volatile String extractorVersion;
    /** The marker file a run touches in its version's folder ({@link #pruneOtherVersions}). */
    static final String USED = ".last-used";

    private final Path dir;

    /**
     * One file's cached result.
     *
     * @param result         what extracting the file gave
     * @param crateWide      the result used other files of the project
     * @param projectDigest  the project's {@link #projectDigest} when the result was made (checked when crateWide)
     */
    public record Entry(FileExtraction result, boolean crateWide, String projectDigest) implements Serializable {
    }

    /** A cache under {@code root} (e.g. the run's cache folder), in a folder per extractor version. */
    public ExtractionCache(Path root) {
        Path extractions = root.resolve("extractions");
        this.dir = extractions.resolve(extractorVersion(extractions).substring(0, 16));
    }

    /**
     * Marks this extractor version as used now and deletes the folders of the other versions except the
     * {@code keep} most recently used: every build of loopscout leaves a folder behind, and nothing else removes
     * them. A run of a deleted version sharing the cache only misses and writes its entries again. Returns how many
     * folders were deleted; a folder that cannot be deleted is left (logged), never an error.
     */
    public int pruneOtherVersions(int keep) {
        Path root = dir.getParent();
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(USED), java.time.Instant.now().toString());
            List<Path> others;
            try (Stream<Path> list = Files.list(root)) {
                others = list.filter(p -> Files.isDirectory(p) && !p.equals(dir)
                                && p.getFileName().toString().matches("[0-9a-f]{16}"))
                        .sorted(Comparator.comparing(ExtractionCache::lastUsed).reversed()).toList();
            }
            int deleted = 0;
            for (Path old : others.subList(Math.min(keep, others.size()), others.size())) {
                if (FileTrees.deleteQuietly(old)) {
                    deleted++;
                } else {
                    LOG.debug("extraction cache: could not delete the old version folder {}", old);
                }
            }
            return deleted;
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("extraction cache: no pruning of {}: {}", root, e.toString());
            return 0;
        }
    }

    /** When a version folder was last opened for a run (its marker), else last changed. */
    private static FileTime lastUsed(Path versionDir) {
        try {
            Path marker = versionDir.resolve(USED);
            return Files.getLastModifiedTime(Files.exists(marker) ? marker : versionDir);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** The folder the entries are in (per extractor version). */
    public Path dir() {
        return dir;
    }

    /** The key of a file: its path (findings name it) and the digest of its text. */
    public static String fileKey(String path, String textDigest) {
        return sha256(path + "\n" + textDigest);
    }

    /** SHA-256 of {@code text} as UTF-8, in hex. */
    public static String textDigest(String text) {
        return sha256(text == null ? "\0null" : text);
    }

    /** A project's content: its files' paths and text digests, in the given (path) order. */
    public static String projectDigest(List<String> fileKeys) {
        return sha256(String.join("\n", fileKeys));
    }

    /** The entry stored under {@code key}, if any and readable. */
    public Optional<Entry> get(String key) {
        Path file = entryFile(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            return Optional.of((Entry) in.readObject());
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            LOG.debug("extraction cache: unreadable entry {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** Stores {@code entry} under {@code key} (written aside, then moved in: readers never see half an entry). */
    public void put(String key, Entry entry) {
        Path file = entryFile(key);
        try {
            Files.createDirectories(file.getParent());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(entry);
            }
            Path tmp = Files.createTempFile(file.getParent(), ".entry-", ".tmp");
            Files.write(tmp, bytes.toByteArray());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // a cache that cannot be written costs time on the next run, not this run's results
            LOG.warn("extraction cache: cannot write {}: {}", file, e.getMessage());
        }
    }

    private Path entryFile(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key + ".ser");
    }

    /**
     * The extractor version: a digest of the extractor's classes (and the tree-sitter binding with its grammars)
     * as loaded, from the jar's entry checksums or the class folder's files. Any change to them is a new version.
     */
    public static String extractorVersion() {
        String v = extractorVersion;
        if (v == null) {
            v = computeExtractorVersion();
            extractorVersion = v;
        }
        return v;
    }

    /**
     * {@link #extractorVersion()}, remembered under {@code memoDir} when the classes come from one jar: listing the
     * shaded jar's 74,000 entries cost ~0.1 CPU-s of every run (a 0.1 MB crate's scan takes ~3). Class folders
     * (tests) are digested every time.
     */
    static String extractorVersion(Path memoDir) {
        String v = extractorVersion;
        if (v == null) {
            java.util.Set<Path> locations = extractorLocations();
            Path only = locations.iterator().next();
            v = locations.size() == 1 && Files.isRegularFile(only)
                    ? rememberedPerJar(only, memoDir, ExtractionCache::extractorVersion)
                    : extractorVersion();
            extractorVersion = v;
        }
        return v;
    }

    /**
     * {@code digest}'s answer for {@code jar}, kept in {@code memoDir} under the jar's path, size, time and file key
     * (the launcher never rewrites a jar in place: it links each build under a new name, and a rebuilt jar has
     * another time); asked once per jar.
     */
    static String rememberedPerJar(Path jar, Path memoDir, java.util.function.Supplier<String> digest) {
        Path memo;
        try {
            Path abs = jar.toAbsolutePath();
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(abs,
                    java.nio.file.attribute.BasicFileAttributes.class);
            memo = memoDir.resolve("versions").resolve(sha256(abs + "\n" + a.size() + "\n"
                    + a.lastModifiedTime().toMillis() + "\n" + a.fileKey()));
        } catch (IOException e) {
            return digest.get();
        }
        try {
            String remembered = Files.readString(memo, StandardCharsets.UTF_8).strip();
            if (remembered.matches("[0-9a-f]{64}")) {
                return remembered;
            }
        } catch (IOException e) {
            // not remembered yet, or unreadable: asked below
        }
        String v = digest.get();
        try {
            Files.createDirectories(memo.getParent());
            Path tmp = Files.createTempFile(memo.getParent(), ".version-", ".tmp");
            Files.writeString(tmp, v + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, memo, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.debug("extraction cache: cannot remember the extractor version in {}: {}", memo, e.toString());
        }
        return v;
    }

    /** Where the extractor's classes, the core's and the tree-sitter binding's were loaded from. */
    private static java.util.Set<Path> extractorLocations() {
        java.util.Set<Path> locations = new java.util.LinkedHashSet<>(); // a shaded jar holds all three
        for (Class<?> c : List.of(ProjectExtractor.class, io.loopscout.core.Language.class,
                org.treesitter.TSParser.class)) {
            try {
                locations.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException | RuntimeException e) {
                throw new IllegalStateException("cannot locate the classes of " + c.getName(), e);
            }
        }
        return locations;
    }

    private static String computeExtractorVersion() {
        MessageDigest md = Sha256.digest();
        java.util.Set<Path> locations = extractorLocations();
        for (Path location : locations) {
            md.update(location.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            try {
                if (Files.isDirectory(location)) {
                    hashFolder(md, location);
                } else {
                    hashJar(md, location);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + location + " for the extractor version", e);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Entry names, sizes and CRCs under the extractor's packages: read from the jar's directory, no inflating. */
    private static void hashJar(MessageDigest md, Path jar) throws IOException {
        try (JarFile jf = new JarFile(jar.toFile())) {
            for (JarEntry e : jf.stream().filter(e -> !e.isDirectory()
                    && EXTRACTOR_PACKAGES.stream().anyMatch(e.getName()::startsWith))
                    .sorted(java.util.Comparator.comparing(JarEntry::getName)).toList()) {
                md.update((e.getName() + ":" + e.getSize() + ":" + e.getCrc() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void hashFolder(MessageDigest md, Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                if (EXTRACTOR_PACKAGES.stream().anyMatch(rel::startsWith)) {
                    md.update((rel + "\n").getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = Files.newInputStream(f)) {
                        md.update(in.readAllBytes());
                    }
                }
            }
        }
    }

    private static String sha256(String s) {
        return Sha256.hex(s);
    }
}
