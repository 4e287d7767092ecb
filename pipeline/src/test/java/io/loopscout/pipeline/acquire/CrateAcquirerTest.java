package io.loopscout.pipeline.acquire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.FailureClass;
import io.loopscout.manifest.SourceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host {@code cargo fetch} only ever sees a probe crate of loopscout's writing: a crate name or version that
 * would change the probe's Cargo.toml (a TOML table, a path or git dependency) is refused before any file is
 * written or any process started.
 */
class CrateAcquirerTest {

    @Test
    void aNameOrVersionThatIsNotPlainIsRefusedBeforeCargoRuns(@TempDir Path root) {
        CrateAcquirer acquirer = new CrateAcquirer(root, InputLimits.DEFAULT);
        for (SourceSpec.Crate hostile : List.of(
                new SourceSpec.Crate("evil = { path = \"/\" }\n[patch.crates-io]\nx", "1.0.0"),
                new SourceSpec.Crate("serde", "1.0.0\"\nbuild = \"evil.rs"),
                new SourceSpec.Crate("../../etc", "1.0.0"))) {
            AcquireException e = assertThrows(AcquireException.class, () -> acquirer.materialize(hostile,
                    hostile.version()));
            assertEquals(FailureClass.FETCH_FAIL, e.failureClass());
            assertTrue(e.getMessage().startsWith("not a crates.io crate name and exact version"), e.getMessage());
        }
        assertFalse(Files.exists(root.resolve(".probe")), "no probe crate written");
    }
}
