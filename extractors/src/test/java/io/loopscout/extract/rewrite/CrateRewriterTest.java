package io.loopscout.extract.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rewrites a real crate with real cargo builds: one loop rewritten, one reverted, one left alone. */
class CrateRewriterTest {

    @TempDir
    Path tmp;

    private static final String MACHINE = """
            //! State machines of the test crate.

            #[derive(Clone, Copy, PartialEq, Eq)]
            pub struct Pair {
                a: u8,
            }

            pub const P0: Pair = Pair { a: 0 };
            pub const P1: Pair = Pair { a: 1 };

            /// Rewritable: a local u8 state.
            pub fn good(n: u32) -> u32 {
                let mut s = 0u8;
                let mut acc = 0;
                // expect: rust/state-loop var=s
                loop {
                    match s {
                        0 => {
                            acc += n;
                            s = 1;
                        }
                        1 => {
                            if acc > 100 {
                                break;
                            }
                            s = 0;
                        }
                        _ => unreachable!(),
                    }
                }
                acc
            }

            /// Planned, but rustc rejects a struct-typed state under loop_match: reverted.
            pub fn struct_state(n: u32) -> u32 {
                let mut p = P0;
                let mut acc = 0;
                // expect: rust/state-loop var=p
                loop {
                    match p {
                        P0 => {
                            acc += n;
                            p = P1;
                        }
                        _ => return acc,
                    }
                }
            }

            /// Left alone: a guard.
            pub fn guarded(n: u32) -> u32 {
                let mut s = 0u8;
                // expect: rust/state-loop var=s
                loop {
                    match s {
                        0 if n > 1 => s = 1,
                        _ => return n,
                    }
                }
            }
            """;

    private Path makeCrate() throws Exception {
        Path crate = smallCrate("demo", """

                [dependencies]
                """);
        Files.writeString(crate.resolve("src/lib.rs"), "#![doc = \"demo\"]\npub mod machine;\n");
        Files.writeString(crate.resolve("src/machine.rs"), MACHINE);
        return crate;
    }

    private final CrateRewriter rewriter = CrateRewriter.withCargo(files -> new AnnotationFinder());

    @Test
    void rewritesVerifiesRevertsAndPatches() throws Exception {
        Path crate = makeCrate();
        RewriteResult check = rewriter.rewrite(crate, CrateRewriter.Mode.CHECK);
        Map<Integer, LoopOutcome> byLine = check.loops().stream()
                .collect(Collectors.toMap(LoopOutcome::line, o -> o));
        int good = loopLine("good");
        int structState = loopLine("struct_state");
        int guarded = loopLine("guarded");
        assertEquals(3, check.loops().size(), check.loops().toString());
        assertEquals(LoopOutcome.Status.REWRITTEN, byLine.get(good).status(), check.loops().toString());
        assertEquals(LoopOutcome.Status.REVERTED, byLine.get(structState).status(), check.loops().toString());
        assertTrue(byLine.get(structState).reason().startsWith("loop_match: "), byLine.get(structState).reason());
        assertTrue(byLine.get(structState).reason().contains("src/machine.rs"), byLine.get(structState).reason());
        assertEquals(LoopOutcome.Status.LEFT_ALONE, byLine.get(guarded).status());
        assertTrue(byLine.get(guarded).reason().startsWith("match-guards"));
        assertFalse(check.applied());
        assertEquals(MACHINE, Files.readString(crate.resolve("src/machine.rs")), "CHECK must not touch the crate");
        assertEquals(java.util.List.of("Cargo.toml", "src/lib.rs", "src/machine.rs"), check.changedFiles());

        // the patch applies to a pristine copy and gives what IN_PLACE writes
        Path copy = tmp.resolve("copy");
        run(tmp, "cp", "-r", crate.toString(), copy.toString());
        Files.writeString(tmp.resolve("p.diff"), check.diff());
        run(copy, "patch", "-p1", "-i", tmp.resolve("p.diff").toString());
        RewriteResult inPlace = rewriter.rewrite(crate, CrateRewriter.Mode.IN_PLACE);
        assertTrue(inPlace.applied());
        for (String f : inPlace.changedFiles()) {
            assertEquals(Files.readString(crate.resolve(f)), Files.readString(copy.resolve(f)), f);
        }
        String lib = Files.readString(crate.resolve("src/lib.rs"));
        assertEquals("#![doc = \"demo\"]\n" + String.join("\n", CrateGate.ROOT_ATTRS) + "\npub mod machine;\n", lib);
        assertTrue(Files.readString(crate.resolve("Cargo.toml")).endsWith("[lints.rust]\n" + CrateGate.LINT_LINE + "\n"));

        // the user's crate builds both ways, without a single warning on stable
        String stable = run(crate, "cargo", "build", "--offline");
        assertFalse(stable.contains("warning"), stable);
        Map<String, String> env = Map.of("RUSTC_BOOTSTRAP", "1", "RUSTFLAGS", "--cfg loop_match");
        run(crate, env, "cargo", "build", "--offline");

        // a second run finds nothing left to do
        RewriteResult again = rewriter.rewrite(crate, CrateRewriter.Mode.CHECK);
        assertTrue(again.changedFiles().isEmpty(), again.diff());
    }

    /** The line of the loop in function {@code fn}: two lines below its "// expect" comment's predecessor. */
    private static int loopLine(String fn) {
        String[] lines = MACHINE.split("\n");
        int i = 0;
        while (!lines[i].startsWith("pub fn " + fn + "(")) {
            i++;
        }
        while (!lines[i].contains("// expect:")) {
            i++;
        }
        return i + 2;
    }

    @Test
    void aFieldStateThatIsNotCopyIsRewrittenWithAnIdentityCopy() throws Exception {
        Path crate = smallCrate("noncopy", "");
        Files.writeString(crate.resolve("src/lib.rs"), """
                pub enum Sub { Head, Body, Done }
                pub struct Dec { pub sub: Sub, pub n: u32 }
                pub fn run(d: &mut Dec) -> u32 {
                    // expect: rust/field-state-loop var=d.sub
                    loop {
                        match d.sub {
                            Sub::Head => d.sub = Sub::Body,
                            Sub::Body => {
                                d.n += 1;
                                if d.n > 3 {
                                    d.sub = Sub::Done;
                                }
                            }
                            Sub::Done => return d.n,
                        }
                    }
                }
                """);
        RewriteResult r = rewriter.rewrite(crate, CrateRewriter.Mode.CHECK);
        assertEquals(1, r.loops().size(), r.loops().toString());
        assertEquals(LoopOutcome.Status.REWRITTEN, r.loops().get(0).status(), r.loops().toString());
        assertTrue(r.diff().contains("+    macro_rules! copy_sub { ($s:expr) => { match $s { Sub::Head => Sub::Head,"),
                r.diff());
        assertTrue(r.diff().contains("+    let mut sub = copy_sub!(d.sub);"), r.diff());
    }

    /** A rewritable loop of one u8 state over {@code n}, as the body of a function returning u32. */
    private static final String MACHINE_BODY = """
                let mut s = 0u8;
                let mut k = 0;
                // expect: rust/state-loop var=s
                loop {
                    match s {
                        0 => s = 1,
                        1 => {
                            k += 1;
                            if k > n {
                                return k;
                            }
                            s = 0;
                        }
                        _ => unreachable!(),
                    }
                }
            """;

    /** The library of the small crates below: that loop in one function. */
    private static final String RUN_MACHINE = "pub fn run(n: u32) -> u32 {\n" + MACHINE_BODY + "}\n";

    @Test
    void aBrokenBinThatHoldsNoRewriteDoesNotRefuseTheCrate() throws Exception {
        Path crate = smallCrate("withbin", """

                [[bin]]
                name = "tool"
                path = "src/tool.rs"
                """);
        Files.createDirectories(crate.resolve("src/bin"));
        Files.writeString(crate.resolve("src/lib.rs"), RUN_MACHINE);
        // a bin that does not build (as a bin tripping a newer lint on today's rustc)
        Files.writeString(crate.resolve("src/bin/old.rs"), "fn main() { let x: u32 = \"no\"; }\n");
        Files.writeString(crate.resolve("src/tool.rs"), "fn main() { println!(\"{}\", withbin::run(3)); }\n");
        assertEquals(List.of("--lib"), CrateRoots.targetArgs(crate, List.of("src/lib.rs")));
        assertEquals(List.of("--lib", "--bin", "old", "--bin", "tool"),
                CrateRoots.targetArgs(crate, List.of("src/bin/old.rs", "src/lib.rs", "src/tool.rs")));
        RewriteResult r = rewriter.rewrite(crate, CrateRewriter.Mode.CHECK);
        assertEquals(LoopOutcome.Status.REWRITTEN, r.loops().get(0).status(), r.loops().toString());
    }

    /**
     * A loop the verification builds never compile (wasm-bindgen's `LazyLock::deref` under
     * {@code cfg(target_feature = "atomics")}, a module behind a feature off by default) is left alone
     * ({@code not-compiled}): a build that did not compile it proved nothing about its rewrite.
     */
    @Test
    void aLoopTheBuildDoesNotCompileIsLeftAloneNotClaimedRewritten() throws Exception {
        Path crate = smallCrate("gated", """

                [features]
                extra = []
                """);
        String machine = MACHINE_BODY;
        String lib = "#![allow(unused_variables)]\n"
                + "pub fn built(n: u32) -> u32 {\n" + machine + "}\n\n"
                + "#[cfg(target_feature = \"atomics\")]\npub fn atomics(n: u32) -> u32 {\n" + machine + "}\n\n"
                + "#[cfg(feature = \"extra\")]\nmod extra {\n    pub fn featured(n: u32) -> u32 {\n"
                + machine.indent(4) + "    }\n}\n";
        Files.writeString(crate.resolve("src/lib.rs"), lib);
        RewriteResult r = rewriter.rewrite(crate, CrateRewriter.Mode.CHECK);
        assertEquals(3, r.loops().size(), r.loops().toString());
        assertEquals(LoopOutcome.Status.REWRITTEN, r.loops().get(0).status(), r.loops().toString());
        for (LoopOutcome o : r.loops().subList(1, 3)) {
            assertEquals(LoopOutcome.Status.LEFT_ALONE, o.status(), r.loops().toString());
            assertTrue(o.reason().startsWith("not-compiled"), o.reason());
        }
        // only the compiled loop is in the patch, and no probe is left anywhere
        assertEquals(1, r.diff().split("loop_match, loop_match", -1).length - 1, r.diff());
        assertFalse(r.diff().contains("probe"), r.diff());
        assertTrue(r.diff().contains("@@ -1,"), r.diff());
    }

    /**
     * A crate whose root declares {@code #![feature(..)]} itself, as c2rust's translations do: no stable build
     * accepts it (E0554), so the baseline builds are bootstrapped, without the cfg, and the gate goes beside the
     * crate's own features. Before, the rewriter refused it as "does not build before rewriting".
     */
    @Test
    void aCrateThatDeclaresFeaturesItselfIsVerifiedBootstrapped() throws Exception {
        Path crate = smallCrate("featured", "");
        String root = "#![allow(non_camel_case_types)]\n#![feature(extern_types)]\n"
                + "extern \"C\" {\n    pub type opaque_t;\n}\n" + RUN_MACHINE;
        Files.writeString(crate.resolve("src/lib.rs"), root);
        assertTrue(CrateRoots.declaresFeatures(root));
        assertFalse(CrateRoots.declaresFeatures("// #![feature(x)]\n#![cfg_attr(nightly, feature(x))]\n"));
        RewriteResult r = rewriter.rewrite(crate, CrateRewriter.Mode.IN_PLACE);
        assertEquals(List.of(LoopOutcome.Status.REWRITTEN),
                r.loops().stream().map(LoopOutcome::status).toList(), r.loops().toString());
        String lib = Files.readString(crate.resolve("src/lib.rs"));
        assertTrue(lib.startsWith("#![allow(non_camel_case_types)]\n#![feature(extern_types)]\n"
                + CrateGate.ROOT_ATTRS.get(0)), lib);
        // applied twice: nothing more to do, nothing changes
        RewriteResult again = rewriter.rewrite(crate, CrateRewriter.Mode.IN_PLACE);
        assertTrue(again.changedFiles().isEmpty(), again.diff());
        assertEquals(lib, Files.readString(crate.resolve("src/lib.rs")));
    }

    /** The loop in a bin, the features in the lib: cargo builds the lib for the bin, so the lib's features count. */
    @Test
    void aBinOfACrateWhoseLibDeclaresFeaturesIsVerifiedBootstrapped() throws Exception {
        Path crate = smallCrate("featuredbin", "");
        Files.writeString(crate.resolve("src/lib.rs"), "#![feature(extern_types)]\nextern \"C\" {\n"
                + "    pub type Opaque;\n}\n");
        Files.writeString(crate.resolve("src/main.rs"), RUN_MACHINE + "\nfn main() {\n    println!(\"{}\", run(3));\n}\n");
        RewriteResult r = rewriter.rewrite(crate, CrateRewriter.Mode.CHECK);
        assertEquals(List.of(LoopOutcome.Status.REWRITTEN),
                r.loops().stream().map(LoopOutcome::status).toList(), r.loops().toString());
    }

    @Test
    void aNonUtf8FileUnderSrcIsLeftAsItIsAndTheRestIsRewritten() throws Exception {
        Path crate = smallCrate("latin1", "");
        Files.createDirectories(crate.resolve("src/fixtures"));
        Files.writeString(crate.resolve("src/lib.rs"), RUN_MACHINE);
        // test data that is not a module (rustc would refuse it): Latin-1, not UTF-8
        byte[] latin1 = "// caf\u00e9\nfn x() { loop { match 0 { _ => break } } }\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(crate.resolve("src/fixtures/latin1.rs"), latin1);
        RewriteResult r = rewriter.rewrite(crate, CrateRewriter.Mode.IN_PLACE);
        assertEquals(LoopOutcome.Status.REWRITTEN, r.loops().get(0).status(), r.loops().toString());
        assertEquals(1, r.loops().size(), r.loops().toString());
        assertArrayEquals(latin1, Files.readAllBytes(crate.resolve("src/fixtures/latin1.rs")));
    }

    /** A crate directory with src/ and a Cargo.toml for package {@code name} (edition 2021), then {@code toml}. */
    private Path smallCrate(String name, String toml) throws java.io.IOException {
        Path crate = tmp.resolve(name);
        Files.createDirectories(crate.resolve("src"));
        Files.writeString(crate.resolve("Cargo.toml"), "[package]\nname = \"" + name + "\"\nversion = \"0.1.0\"\n"
                + "edition = \"2021\"\n" + toml);
        return crate;
    }

    @Test
    void rejectsADirectoryWithoutCargoToml() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rewriter.rewrite(tmp, CrateRewriter.Mode.CHECK));
        assertTrue(e.getMessage().contains("no Cargo.toml"));
    }

    private String run(Path dir, String... cmd) throws Exception {
        return run(dir, Map.of(), cmd);
    }

    private String run(Path dir, Map<String, String> env, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("RUSTC_BOOTSTRAP");
        pb.environment().remove("RUSTFLAGS");
        pb.environment().put("CARGO_TARGET_DIR", tmp.resolve("target-" + env.size()).toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ":\n" + out);
        return out;
    }
}
