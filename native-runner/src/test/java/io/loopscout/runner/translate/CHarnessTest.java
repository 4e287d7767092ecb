package io.loopscout.runner.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.sandbox.Limits;
import io.loopscout.runner.sandbox.Sandbox;
import io.loopscout.runner.sandbox.SandboxCommand;
import io.loopscout.runner.sandbox.SandboxResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built-in recipes against the crates that vendor their C (fetched from crates.io, sandboxed): every listed
 * source is there, and the C library compiled as the experiment compiles it, driven by its harness's codec,
 * round-trips a compressible input in the sandbox.
 */
class CHarnessTest {

    private static final Pattern SIZES = Pattern.compile("bytes_in=(\\d+) bytes_out=(\\d+)");

    @TempDir
    Path scratch;

    @ParameterizedTest
    @ValueSource(strings = {"bzip2", "lz4", "zlib", "zlib-stream"})
    void theCLibraryBuildsAndRoundTripsThroughItsHarness(String project) throws Exception {
        Sandbox sandbox = Sandbox.detect();
        assumeTrue(sandbox.isolation() == Sandbox.Isolation.BWRAP, sandbox.method());
        CargoBuild cargo = new CargoBuild(sandbox, RustToolchain.detect());
        CommandRunner runner = new SandboxCommandRunner(sandbox, cargo.toolchain());
        CTranslationRecipe recipe = CTranslationRecipe.named(project);
        Path cDir = new CrateFetcher(cargo, runner).fetch(recipe.project(), recipe.crate(), recipe.version(), scratch)
                .resolve(recipe.subdir());
        for (String source : recipe.sources()) {
            assertTrue(Files.isRegularFile(cDir.resolve(source)), project + ": " + source + " not in " + cDir);
        }
        BenchDriverBuilds builds = new BenchDriverBuilds(cargo, runner);
        Path dir = Files.createDirectories(scratch.resolve("c"));
        assertNull(builds.prepareC(recipe, cDir, dir));
        BenchDriverBuilds.Built built = builds.build(recipe, CVariant.C, dir);
        assertTrue(built.ok(), () -> built.failure().message());

        // 200 KiB of repetitive text with a counter in it: compressible by every codec, more than one lz4 block.
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 200 << 10; i++) {
            text.append("state ").append(i % 97).append(" -> ").append((i * 7) % 13).append(";\n");
        }
        Path input = Files.writeString(Files.createDirectories(scratch.resolve("corpus")).resolve("input.txt"),
                text, StandardCharsets.US_ASCII);
        for (String mode : List.of("compress", "decompress")) {
            List<String> argv = new java.util.ArrayList<>(List.of(built.binary().toString(), mode));
            argv.addAll(recipe.harness().driverArgs());
            argv.add(input.toString());
            SandboxResult r = sandbox.run(SandboxCommand.of(argv)
                    .workDir(dir).readOnly(dir).readOnly(input.getParent()).limits(Limits.bench()).build());
            // decompress fails (exit 2, "round trip mismatch") unless the library gives back the input
            assertTrue(r.ok(), () -> project + " " + mode + ": " + r.log() + " " + r.detail());
            assertTrue(r.log().contains("LOOPSCOUT_NS="), r.log());
            Matcher m = SIZES.matcher(r.log());
            assertTrue(m.find(), r.log());
            if (mode.equals("compress")) {
                assertTrue(Long.parseLong(m.group(2)) * 3 < Long.parseLong(m.group(1)), project + " compresses: " + r.log());
            }
        }
    }

    @Test
    void anUnknownHarnessNamesTheProjectAndTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CTranslationRecipe(
                "gz-c2rust", "libz-sys", "1.1.33", "src/zlib", List.of("inflate.c"), List.of(), "gzip", null, null,
                null));
        assertEquals("gz-c2rust: unknown harness gzip (known: bzip2, lz4, zlib, zlib-stream)", e.getMessage());
        assertEquals(CHarness.ZLIB, new CTranslationRecipe("z", "libz-sys", "1.1.33", "src/zlib", List.of("inflate.c"),
                List.of(), "zlib", null, null, null).harness());
        assertEquals("inflate", CHarness.ZLIB.entryPoint("decompress"));
        assertThrows(IllegalArgumentException.class, () -> CTranslationRecipe.named("xz"));
        assertEquals(List.of("--chunk", "16"), CTranslationRecipe.named("zlib-stream").harness().driverArgs());
    }
}
