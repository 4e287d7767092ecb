package io.loopscout.runner.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.runner.TestFixtures;
import io.loopscout.runner.build.BuildResult;
import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.build.Variant;
import io.loopscout.runner.sandbox.Limits;
import io.loopscout.runner.sandbox.Sandbox;
import io.loopscout.runner.sandbox.SandboxResult.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write quota (src/test/resources/hostile-limits): build scripts that write many files, one big file, or
 * fill /tmp end as disk-full at a small quota, while the control member builds under the same quota.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiskQuotaTest {
    private static final long QUOTA = 32L << 20;

    @TempDir
    static Path scratch;
    CargoBuild cargo;
    Path workspace;

    @BeforeAll
    void fetch() throws IOException {
        Sandbox sandbox = HostileHost.bwrapOrSkip();
        cargo = new CargoBuild(sandbox, RustToolchain.detect(), Limits.build().withDiskBytes(QUOTA));
        workspace = TestFixtures.copyResource("hostile-limits", scratch);
        assertNull(cargo.fetch("limits", workspace));
    }

    @Test
    void manySmallFilesPastTheQuotaAreDiskFull() throws IOException {
        Path target = scratch.resolve("target-flood");
        Failure f = failure("disk-flood", target);
        assertTrue(f.message().contains("write quota of 32 MiB"), f.message());
        assertTrue(sizeOf(target) < 300L << 20, "stopped before or at the build script's own end");
    }

    @Test
    void oneFileLargerThanTheQuotaIsStoppedByTheKernel() throws IOException {
        Path target = scratch.resolve("target-big");
        failure("big-file", target);
        assertTrue(sizeOf(target) < 2 * QUOTA, "the file stopped at the quota: " + sizeOf(target));
    }

    @Test
    void fillingThePrivateTmpIsDiskFull() {
        failure("tmp-flood", scratch.resolve("target-tmp"));
    }

    @Test
    void controlBuildsUnderTheSameQuota() {
        BuildResult r = build("control", scratch.resolve("target-control"));
        assertTrue(r.ok(), r.result().detail() + "\n" + r.result().log());
    }

    private Failure failure(String member, Path target) {
        BuildResult r = build(member, target);
        assertEquals(Outcome.DISK_FULL, r.result().outcome(), r.result().detail() + "\n" + r.result().log());
        Failure f = r.toFailure("limits", "measure", "build A");
        assertEquals(FailureClass.DISK_FULL, f.failureClass(), f.message());
        assertEquals("disk-full", f.failureClass().id());
        return f;
    }

    private BuildResult build(String member, Path target) {
        return cargo.build(workspace, workspace, target, Variant.A, List.of("build", "--release", "-p", member), "",
                cargo.buildLimits());
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
