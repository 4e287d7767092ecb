package io.loopscout.pipeline.measure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project's scratch (the c2rust experiment's translation, builds and corpus; the rewrite copy) goes when the
 * project is done, read-only build outputs included; a failed experiment's stays only when asked.
 */
class ProjectEvidenceScratchTest {

    @Test
    void theScratchGoesUnlessAFailedOneIsToBeKept(@TempDir Path tmp) throws Exception {
        Path removed = scratch(tmp.resolve("c2rust/zlib"));
        ProjectEvidence.removeScratch("zlib", removed, false);
        assertFalse(Files.exists(removed));
        assertTrue(Files.isDirectory(tmp.resolve("c2rust")), "only the project's own directory goes");

        Path kept = scratch(tmp.resolve("c2rust/bzip2"));
        ProjectEvidence.removeScratch("bzip2", kept, true);
        assertTrue(Files.isRegularFile(kept.resolve("variants/c/target/lib.rlib")));
    }

    /** A work directory as a c2rust experiment leaves it: nested build output, a read-only directory. */
    private static Path scratch(Path dir) throws Exception {
        Path target = Files.createDirectories(dir.resolve("variants/c/target"));
        Files.write(target.resolve("lib.rlib"), new byte[4096]);
        Path ro = Files.createDirectories(dir.resolve("source/src"));
        Files.writeString(ro.resolve("bzlib.c"), "int x;\n");
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        return dir;
    }
}
