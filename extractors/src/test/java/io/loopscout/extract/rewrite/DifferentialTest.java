package io.loopscout.extract.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: the state-machine programs under {@code src/test/resources/rewrite-diff} are rewritten
 * by {@link LoopMatchRewriter}, and original and rewritten run side by side in one Rust binary on 400 seeded
 * random inputs each; every output (or panic) must be identical. Built twice: attributes off (stable) and on
 * ({@code RUSTC_BOOTSTRAP=1 --cfg loop_match}, where #[const_continue] really jumps).
 */
class DifferentialTest {

    private static final int INPUTS = 400;

    @TempDir
    Path tmp;

    @Test
    void rewrittenProgramsBehaveLikeTheOriginalsOnStable() throws Exception {
        runBoth(false);
    }

    @Test
    void rewrittenProgramsBehaveLikeTheOriginalsWithLoopMatch() throws Exception {
        runBoth(true);
    }

    private void runBoth(boolean loopMatch) throws Exception {
        List<Path> programs = programs();
        assertTrue(programs.size() >= 10, "programs: " + programs.size());
        Path orig = Files.createDirectories(tmp.resolve("original"));
        Path rw = Files.createDirectories(tmp.resolve("rewritten"));
        StringBuilder mods = new StringBuilder();
        StringBuilder checks = new StringBuilder();
        LoopMatchRewriter rewriter = new LoopMatchRewriter();
        for (Path p : programs) {
            String name = "p" + p.getFileName().toString().replace(".rs", "");
            String text = Files.readString(p);
            FileRewrite plan = rewriter.plan(p.getFileName().toString(), text, RewriteFixtures.findings(p),
                    RewriteFixtures.identityCopies(p));
            assertFalse(plan.rewritable().isEmpty(), p + ": nothing rewritten " + plan.loops());
            for (io.loopscout.extract.fixtures.AnnotatedFixtures.Expectation e
                    : io.loopscout.extract.fixtures.AnnotatedFixtures.annotations(p)) {
                String normalised = e.metrics().get("normalised");
                if (normalised != null) {
                    // the program exists to test this normalisation: it must have been applied
                    assertTrue(plan.loops().stream().anyMatch(l -> l.finding().startLine() == e.line()
                            && l.normalisations().contains(normalised)), p + ": " + normalised + " not applied "
                            + plan.loops());
                }
            }
            Files.writeString(orig.resolve(name + ".rs"), text);
            Files.writeString(rw.resolve(name + ".rs"), plan.applyAll());
            mods.append("    #[path = \"").append(orig.resolve(name + ".rs")).append("\"] pub mod ").append(name)
                    .append(";\n");
            checks.append("    bad += check(\"").append(name).append("\", original::").append(name)
                    .append("::ALPHABET, original::").append(name).append("::run, rewritten::").append(name)
                    .append("::run, &mut rng);\n");
        }
        String rewrittenMods = mods.toString().replace(orig.toString(), rw.toString());
        String main = """
                #![cfg_attr(loop_match, feature(loop_match))]
                #![cfg_attr(loop_match, allow(incomplete_features))]
                #![allow(dead_code, unused)]
                mod original {
                %s}
                mod rewritten {
                %s}
                struct Rng(u64);
                impl Rng {
                    fn next(&mut self) -> u64 {
                        self.0 ^= self.0 << 13;
                        self.0 ^= self.0 >> 7;
                        self.0 ^= self.0 << 17;
                        self.0
                    }
                }
                fn check(name: &str, alphabet: &[u8], a: fn(&[u8]) -> String, b: fn(&[u8]) -> String,
                        rng: &mut Rng) -> usize {
                    let mut bad = 0;
                    for _ in 0..%d {
                        let len = (rng.next() %% 48) as usize;
                        let input: Vec<u8> = (0..len)
                            .map(|_| alphabet[(rng.next() %% alphabet.len() as u64) as usize]).collect();
                        let x = std::panic::catch_unwind(|| a(&input)).map_err(|_| ());
                        let y = std::panic::catch_unwind(|| b(&input)).map_err(|_| ());
                        if x != y {
                            bad += 1;
                            if bad <= 3 {
                                println!("DIFF {} {:?}: {:?} vs {:?}", name, input, x, y);
                            }
                        }
                    }
                    println!("{} {} inputs {} differ", name, %d, bad);
                    bad
                }
                fn main() {
                    std::panic::set_hook(Box::new(|_| {}));
                    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
                    let mut bad = 0;
                %s    std::process::exit(if bad == 0 { 0 } else { 1 });
                }
                """.formatted(mods, rewrittenMods, INPUTS, INPUTS, checks);
        Path mainRs = tmp.resolve("main.rs");
        Files.writeString(mainRs, main);
        Path bin = tmp.resolve("difftest");
        List<String> cmd = new ArrayList<>(List.of("rustc", "--edition", "2021", "-C", "debug-assertions",
                "--check-cfg", "cfg(loop_match)", "-o", bin.toString(), mainRs.toString()));
        if (loopMatch) {
            cmd.addAll(List.of("--cfg", "loop_match"));
        }
        String build = run(cmd, loopMatch);
        String out = run(List.of(bin.toString()), false);
        long lines = out.lines().filter(l -> l.endsWith(" 0 differ")).count();
        assertEquals(programs.size(), lines, build + out);
    }

    private static String run(List<String> cmd, boolean bootstrap) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("RUSTC_BOOTSTRAP");
        if (bootstrap) {
            pb.environment().put("RUSTC_BOOTSTRAP", "1");
        }
        Path log = Files.createTempFile("difftest", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        // a rewrite that loops forever must fail the test, not hang it
        boolean done = p.waitFor(3, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertTrue(done, "timed out: " + String.join(" ", cmd) + "\n" + text);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + text);
        return text;
    }

    private static List<Path> programs() throws Exception {
        Path dir;
        try {
            dir = Path.of(DifferentialTest.class.getResource("/rewrite-diff").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".rs")).sorted().toList();
        }
    }
}
