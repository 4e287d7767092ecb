package io.loopscout.runner.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.core.Language;
import io.loopscout.manifest.BenchSpec;
import io.loopscout.manifest.Popularity;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.manifest.SourceSpec;
import io.loopscout.runner.MeasureMode;
import io.loopscout.runner.MeasureOutcome;
import io.loopscout.runner.ProjectMeasurer;
import io.loopscout.runner.TestFixtures;
import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.model.ModelBench;
import io.loopscout.runner.protocol.Protocol;
import io.loopscout.runner.sandbox.Limits;
import io.loopscout.runner.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One measurer run over a disk-flooding project and a control (src/test/resources/hostile-limits): the flood is
 * a disk-full failure, the control is measured, and neither leaves its target dirs behind.
 */
class ProjectScratchTest {
    @TempDir
    Path scratch;

    @Test
    void floodFailsAsDiskFullControlIsMeasuredAndNoScratchIsLeft() throws IOException {
        Sandbox sandbox = HostileHost.bwrapOrSkip();
        RustToolchain tc = RustToolchain.detect();
        Path workspace = TestFixtures.copyResource("hostile-limits", scratch);
        Path work = scratch.resolve("measure");
        Protocol quick = Protocol.standard().withMinimums(2, Duration.ofMillis(1)).withCallgrind(false);
        ProjectMeasurer pm = new ProjectMeasurer(new CargoBuild(sandbox, tc, Limits.build().withDiskBytes(32L << 20)),
                work, quick, new ModelBench(sandbox, tc, work, scratch, quick));

        MeasureOutcome flood = pm.measure(project("flood", "disk-flood"), workspace, List.of(), MeasureMode.PROJECT);
        MeasureOutcome control = pm.measure(project("control", "control"), workspace, List.of(),
                MeasureMode.PROJECT);

        Failure f = flood.failures().get(0);
        assertEquals(FailureClass.DISK_FULL, f.failureClass(), f.message());
        assertEquals(List.of(), control.failures());
        assertNotNull(control.measurement(), "the control was timed");
        assertTrue(control.measurement().variants().stream().anyMatch(v -> v.variant().equals("A") && v.runs() >= 2),
                control.measurement().toString());
        assertFalse(Files.exists(work.resolve("flood")), "the flood's target dirs were removed");
        assertFalse(Files.exists(work.resolve("control")), "the control's target dirs were removed");
        assertTrue(Files.isDirectory(workspace.resolve("control")), "the source is not scratch");
    }

    private static ProjectSpec project(String id, String member) {
        return new ProjectSpec(id, Language.RUST, new SourceSpec.Path("hostile-limits"), Popularity.none(), member,
                new BenchSpec("cargo run --release", ""), "hostile fixture", 1);
    }
}
