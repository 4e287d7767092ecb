package io.loopscout.runner.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loopscout.core.FileTrees;
import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.sandbox.Sandbox;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of the #[loop_match] rewrite (relooper flattening included) on c2rust's output of small C
 * state machines (src/test/resources/translate/relooper): each program runs its machine on hundreds of inputs it
 * generates and prints one line per input; the C, the translation, the rewrite built without
 * {@code --cfg loop_match} and with it must print the same. Needs c2rust (skipped otherwise).
 */
class RelooperDifferentialTest {

    private final CommandRunner runner = new LocalCommandRunner();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"duff_decoder", "goto_lexer", "getbits_coroutine"})
    void theRewriteComputesWhatTheCComputes(String program) throws Exception {
        Optional<Path> c2rust = C2RustTranslator.locate();
        assumeTrue(c2rust.isPresent(), "c2rust not installed (native-runner/tools/c2rust/install.sh): skipped");
        Path src = Files.createDirectories(tmp.resolve("c"));
        try (InputStream in = getClass().getResourceAsStream("/translate/relooper/" + program + ".c")) {
            Files.copy(in, src.resolve(program + ".c"));
        }
        CommandResult cc = runner.run(cmd(src, Map.of(), "cc", "-O2", "-o", tmp.resolve("c_bin").toString(),
                program + ".c"));
        assertTrue(cc.ok(), cc.stderr());
        String expected = run(tmp.resolve("c_bin"));
        assertTrue(expected.lines().count() >= 400, "hundreds of inputs: " + expected.lines().count());

        TranslationOutcome out = new C2RustTranslator(runner, c2rust.get()).translate(new TranslationRequest(
                program, src, List.of(program + ".c"), List.of(), program, tmp.resolve("translated").resolve(program)));
        TranslationOutcome.Translated t = assertInstanceOf(TranslationOutcome.Translated.class, out, out.toString());
        assertEquals(expected, run(build(t.crateDir(), "a", program, false)), "c2rust's translation");

        Path rewritten = tmp.resolve("rewritten").resolve(program);
        FileTrees.copy(t.crateDir(), rewritten);
        CargoBuild cargo = new CargoBuild(Sandbox.detect(), RustToolchain.detect());
        List<CComparison.LoopRewrite> loops = new VerifiedLoopMatchRewrite(cargo, program).apply(rewritten);
        assertTrue(loops.stream().anyMatch(CComparison.LoopRewrite::rewritten), loops.toString());
        String rust = Files.readString(rewritten.resolve("src/" + program + ".rs"));
        assertTrue(rust.contains("const_continue"), "rewritten to #[loop_match]");
        if (program.equals("getbits_coroutine")) {
            String before = Files.readString(t.crateDir().resolve("src/" + program + ".rs"));
            assertTrue(count(rust, "match current_block") < count(before, "match current_block"),
                    "the resume chain and the loop's blocks are flattened into one match");
        }
        assertEquals(expected, run(build(rewritten, "flat", program, false)), "the rewrite, attributes off");
        assertEquals(expected, run(build(rewritten, "loop-match", program, true)), "the rewrite with #[loop_match]");
    }

    private static int count(String text, String word) {
        return text.split(java.util.regex.Pattern.quote(word), -1).length - 1;
    }

    private Path build(Path crate, String name, String program, boolean loopMatch) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("RUSTC_BOOTSTRAP", "1",
                "CARGO_TARGET_DIR", tmp.resolve("target-" + name).toString()));
        if (loopMatch) {
            env.put("RUSTFLAGS", "--cfg loop_match");
        }
        CommandResult built = runner.run(new Command(List.of("cargo", "build", "--release", "--offline", "--quiet"),
                crate, env, Duration.ofMinutes(10)));
        assertTrue(built.ok(), name + ": " + built.stderr());
        return tmp.resolve("target-" + name).resolve("release").resolve(program);
    }

    private String run(Path binary) throws Exception {
        CommandResult r = runner.run(cmd(tmp, Map.of(), binary.toString()));
        assertTrue(r.ok(), binary + ": " + r.stderr());
        return r.stdout();
    }

    private static Command cmd(Path dir, Map<String, String> env, String... argv) {
        return new Command(List.of(argv), dir, env, Duration.ofMinutes(2));
    }
}
