package io.loopscout.runner.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.runner.TestFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver layout of one variant: source copy, driver and siblings, placeholder filled; the checksum line. */
class DriverCrateTest {
    @TempDir
    Path tmp;

    @Test
    void materializesTheDriverBesideItsSiblingsAgainstACopyOfTheCrate() throws IOException {
        Path drivers = TestFixtures.copyResource("bench/drivers", tmp.resolve("in"));
        Path workspace = TestFixtures.copyResource("bench/tally", tmp.resolve("ws")).getParent();
        Path crate = workspace.resolve("tally");
        Path dest = tmp.resolve("out");
        Files.createDirectories(dest.resolve("stale"));
        Path copy = DriverCrate.materialize(drivers.resolve("tally"), workspace, crate, dest);
        assertEquals(dest.resolve("benches/tally"), copy);
        assertFalse(Files.exists(dest.resolve("stale")), "afresh");
        assertTrue(Files.isRegularFile(dest.resolve("benches/harness/src/lib.rs")), "sibling copied");
        assertTrue(Files.isRegularFile(dest.resolve("source/tally/src/lib.rs")), "source copied");
        String toml = Files.readString(copy.resolve("Cargo.toml"));
        assertTrue(toml.contains("tally = { path = \"" + dest.resolve("source/tally").toAbsolutePath() + "\" }"), toml);
        assertFalse(toml.contains("@CRATE@"), toml);
        // the original driver is untouched
        assertTrue(Files.readString(drivers.resolve("tally/Cargo.toml")).contains("@CRATE@"));
    }

    @Test
    void refusesACrateOutsideItsSourceTreeAndADriverWithoutThePlaceholder() throws IOException {
        Path drivers = TestFixtures.copyResource("bench/drivers", tmp.resolve("in"));
        Path crate = TestFixtures.copyResource("bench/tally", tmp.resolve("ws"));
        assertThrows(IOException.class, () -> DriverCrate.materialize(drivers.resolve("tally"), tmp.resolve("other"),
                crate, tmp.resolve("out")));
        assertThrows(IOException.class, () -> DriverCrate.materialize(drivers.resolve("harness"), crate, crate,
                tmp.resolve("out")));
    }

    @Test
    void readsSiblingsAndTheLastChecksumLine() {
        assertEquals(Set.of("common", "harness"), DriverCrate.siblings(
                "a = { path = \"@CRATE@\" }\nb = { path = \"../common\" }\nc = { path=\"../harness\", version = \"1\" }\n"
                        + "d = { path = \"../../escape\" }\ne = { path = \"../..\" }\n"));
        assertEquals("beef", DriverCrate.checksum("noise\nLOOPSCOUT_CHECKSUM=dead\nLOOPSCOUT_CHECKSUM=beef\n"));
        assertNull(DriverCrate.checksum("LOOPSCOUT_NS=12\n xLOOPSCOUT_CHECKSUM=1\n"));
    }
}
