package io.loopscout.pipeline.acquire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Language;
import io.loopscout.extract.SourceFile;
import io.loopscout.manifest.Popularity;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.manifest.SourceSpec;
import io.loopscout.pipeline.scan.FileLister;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acquisition and listing stop at the per-project caps, say so, and cost no more than the cap. */
class InputCapsTest {

    @TempDir
    Path tmp;

    private static ProjectSpec spec(String url) {
        return new ProjectSpec("bomb", Language.RUST, new SourceSpec.Git(url, "main"), Popularity.none(), null, null,
                null, 1);
    }

    @Test
    void aGitBlobBombIsCutAtTheByteCapAndAgainAtHigherCaps() throws Exception {
        TestRepos origin = TestRepos.init(tmp.resolve("origin"));
        origin.commit("small", Map.of("src/a.rs", "fn a() {}\n"));
        // 64 MiB of zeros compresses to a few KB in git: a blob bomb; read whole it would be 64 MiB of heap
        origin.commitBytes("bomb", "src/b_bomb.bin", new byte[64 << 20]);
        InputLimits small = new InputLimits(1000, 1 << 20);
        Acquirers acquirers = new Acquirers(tmp.resolve("cache"), small);
        Acquired acquired = acquirers.acquire(spec(origin.url()));
        Path tree = acquirers.materialize(acquired);
        assertTrue(Files.exists(tree.resolve("src/a.rs")));
        assertFalse(Files.exists(tree.resolve("src/b_bomb.bin")), "the bomb is not written");
        List<SourceFile> files = new ArrayList<>();
        FileLister.Listing listing = new FileLister(FileLister.MAX_FILE_BYTES, small).list("bomb", "v", tree,
                files::add);
        assertTrue(listing.capped().contains("more than 1048576 bytes (--max-bytes)"), listing.capped());
        assertEquals(List.of("src/a.rs"), files.stream().map(SourceFile::path).toList());
        // raised caps: the cached cut tree is not reused
        Acquirers raised = new Acquirers(tmp.resolve("cache"), new InputLimits(1000, 128 << 20));
        Path full = raised.materialize(acquired);
        assertEquals(64 << 20, Files.size(full.resolve("src/b_bomb.bin")));
        assertFalse(Files.exists(full.resolve(Acquirers.CAPPED)));
    }

    @Test
    void aGitRepositoryWithManyFilesIsCutAtTheFileCap() throws Exception {
        TestRepos origin = TestRepos.init(tmp.resolve("many"));
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            files.put(String.format("src/m%03d.rs", i), "fn f" + i + "() {}\n");
        }
        origin.commit("many", files);
        Acquirers acquirers = new Acquirers(tmp.resolve("cache"), new InputLimits(100, 1 << 30));
        Path tree = acquirers.materialize(acquirers.acquire(spec(origin.url())));
        try (Stream<Path> s = Files.list(tree.resolve("src"))) {
            assertEquals(100, s.count());
        }
        assertTrue(Files.readAllLines(tree.resolve(Acquirers.CAPPED)).get(1).contains("--max-files"));
    }

    @Test
    void theListingStopsAtTheFileCapInPathOrder() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("tree/src"));
        for (int i = 0; i < 10; i++) {
            Files.writeString(root.resolve("f" + i + ".rs"), "fn f() {}\n");
        }
        List<SourceFile> files = new ArrayList<>();
        FileLister.Listing listing = new FileLister(FileLister.MAX_FILE_BYTES, new InputLimits(4, 1 << 20))
                .list("p", "v", tmp.resolve("tree"), files::add);
        assertEquals(4, files.size());
        assertEquals(4, listing.stats().filesScanned());
        assertTrue(listing.capped().contains("more than 4 files (--max-files)"), listing.capped());
        List<SourceFile> all = new ArrayList<>();
        assertNull(new FileLister().list("p", "v", tmp.resolve("tree"), all::add).capped());
        assertEquals(10, all.size());
    }

    @Test
    void aCrateArchiveThatUnpacksBeyondTheCapsIsRefusedBeforeUnpacking() throws Exception {
        Path crate = Files.createDirectories(tmp.resolve("pkg/bomb-0.1.0/src"));
        Files.writeString(crate.resolve("lib.rs"), "pub fn f() {}\n");
        try (OutputStream o = Files.newOutputStream(crate.resolve("zeros.bin"))) {
            o.write(new byte[8 << 20]); // 8 MiB that gzip shrinks to a few KB
        }
        Path archive = tmp.resolve("bomb-0.1.0.crate");
        Process tar = new ProcessBuilder("tar", "-czf", archive.toString(), "-C", tmp.resolve("pkg").toString(),
                "bomb-0.1.0").inheritIO().start();
        assertTrue(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0);
        assertTrue(Files.size(archive) < 1 << 20, "a small archive");
        CrateArchive.Problem over = CrateArchive.check(archive, new InputLimits(1000, 1 << 20), "bomb-0.1.0");
        assertTrue(over != null && over.message().contains("--max-bytes"), String.valueOf(over));
        assertEquals(io.loopscout.core.FailureClass.INPUT_CAPPED, over.failureClass());
        assertTrue(CrateArchive.check(archive, new InputLimits(1, 1 << 30), "bomb-0.1.0").message()
                .contains("--max-files"));
        assertNull(CrateArchive.check(archive, new InputLimits(10, 16 << 20), "bomb-0.1.0"));
    }
}
