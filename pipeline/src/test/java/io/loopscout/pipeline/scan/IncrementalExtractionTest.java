package io.loopscout.pipeline.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Language;
import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.Finding;
import io.loopscout.extract.ProjectExtractor;
import io.loopscout.extract.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-file extraction cache on real parses of the fixture crate in {@code incremental/crate}: a second run
 * reads every file from the cache; a changed file is extracted again; a file whose finding used another file's
 * declarations is extracted again when that file changes; with or without the cache, the same results.
 */
class IncrementalExtractionTest {

    @TempDir
    Path cacheRoot;

    private static List<SourceFile> crate() throws IOException {
        Path src = Path.of("src/test/resources/incremental/crate/src");
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(src)) {
            for (Path p : s.sorted().toList()) {
                files.add(new SourceFile("fixture", "1", "src/" + p.getFileName(), Language.RUST, Files.readString(p)));
            }
        }
        return files;
    }

    private static List<SourceFile> replace(List<SourceFile> files, String path, String text) {
        return files.stream().map(f -> f.path().equals(path) ? new SourceFile(f.project(), f.version(), f.path(),
                f.language(), text) : f).toList();
    }

    /** Each file's result, by path, as the listener heard it. */
    private static Map<String, FileExtraction> collect(java.util.function.Consumer<ProjectExtractor.Listener> run) {
        Map<String, FileExtraction> out = new TreeMap<>();
        run.accept(new ProjectExtractor.Listener() {
            @Override
            public void extracted(SourceFile file, FileExtraction result) {
                out.put(file.path(), result);
            }

            @Override
            public void failed(SourceFile file, RuntimeException error) {
                throw error;
            }
        });
        return out;
    }

    private static Map<String, FileExtraction> withoutCache(List<SourceFile> files) {
        return collect(l -> new ProjectExtractor().extract(files, l));
    }

    private Map<String, FileExtraction> withCache(List<SourceFile> files, IncrementalExtraction.Counts[] counts) {
        IncrementalExtraction x = new IncrementalExtraction(new ExtractionCache(cacheRoot));
        return collect(l -> counts[0] = x.extract(files, l));
    }

    private static Finding onlyFinding(Map<String, FileExtraction> results) {
        List<Finding> all = results.values().stream().flatMap(r -> r.findings().stream()).toList();
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    @Test
    void aSecondRunReadsEveryFileFromTheCache() throws IOException {
        IncrementalExtraction.Counts[] counts = new IncrementalExtraction.Counts[1];
        Map<String, FileExtraction> first = withCache(crate(), counts);
        assertEquals(new IncrementalExtraction.Counts(0, 4), counts[0]);
        Map<String, FileExtraction> second = withCache(crate(), counts);
        assertEquals(new IncrementalExtraction.Counts(4, 0), counts[0], "nothing parsed again");
        assertEquals(first, second);
        assertEquals(withoutCache(crate()), second, "the same results as a run without cache");
        Finding f = onlyFinding(second);
        assertEquals("src/machine.rs", f.file());
        assertEquals("enum", f.stateType(), "State is declared in state.rs");
    }

    @Test
    void aChangedFileIsExtractedAgainAndTheOthersAreNot() throws IOException {
        // without the state machine no result is crate-wide: only the changed file is parsed again
        List<SourceFile> noMachine = crate().stream().filter(f -> !f.path().equals("src/machine.rs")).toList();
        IncrementalExtraction.Counts[] counts = new IncrementalExtraction.Counts[1];
        withCache(noMachine, counts);
        List<SourceFile> changed = replace(noMachine, "src/plain.rs", "pub fn triple(x: u32) -> u32 { x * 3 }\n");
        Map<String, FileExtraction> results = withCache(changed, counts);
        assertEquals(new IncrementalExtraction.Counts(2, 1), counts[0]);
        assertEquals(withoutCache(changed), results);
    }

    @Test
    void aDeclarationChangedInAnotherFileReextractsTheMachine() throws IOException {
        IncrementalExtraction.Counts[] counts = new IncrementalExtraction.Counts[1];
        Finding before = onlyFinding(withCache(crate(), counts));
        // machine.rs is unchanged, but State is no longer declared: its state type cannot come from the cache
        List<SourceFile> changed = replace(crate(), "src/state.rs", "pub struct Unrelated;\n");
        Map<String, FileExtraction> results = withCache(changed, counts);
        Finding after = onlyFinding(results);
        assertNotEquals(before.stateType(), after.stateType(), "the state type followed state.rs");
        assertEquals(withoutCache(changed), results, "the same results as a run without cache");
        assertEquals(new IncrementalExtraction.Counts(0, 4), counts[0],
                "a candidate loop re-extracted needs every file's declarations: the whole crate again");
    }

    @Test
    void entriesAreKeptPerExtractorVersion() throws IOException {
        ExtractionCache cache = new ExtractionCache(cacheRoot);
        assertTrue(cache.dir().endsWith(ExtractionCache.extractorVersion().substring(0, 16)), cache.dir().toString());
        assertEquals(ExtractionCache.extractorVersion(), ExtractionCache.extractorVersion(), "stable in one JVM");
        IncrementalExtraction.Counts[] counts = new IncrementalExtraction.Counts[1];
        withCache(crate(), counts);
        try (Stream<Path> entries = Files.walk(cache.dir())) {
            assertEquals(4, entries.filter(p -> p.toString().endsWith(".ser")).count(), "one entry per file");
        }
    }

    @Test
    void theVersionOfAJarIsDigestedOncePerJarBuild() throws IOException {
        Path jar = Files.writeString(cacheRoot.resolve("loopscout.jar"), "first build");
        int[] digests = {0};
        java.util.function.Supplier<String> digest = () -> {
            digests[0]++;
            return "%064x".formatted(digests[0]);
        };
        Path memo = cacheRoot.resolve("memo");
        String first = ExtractionCache.rememberedPerJar(jar, memo, digest);
        assertEquals(first, ExtractionCache.rememberedPerJar(jar, memo, digest), "remembered");
        assertEquals(1, digests[0], "the jar digested once");
        Files.writeString(jar, "another build");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(jar).toMillis() + 60_000));
        assertNotEquals(first, ExtractionCache.rememberedPerJar(jar, memo, digest), "a rebuilt jar is digested again");
        assertEquals(2, digests[0]);
    }
}
