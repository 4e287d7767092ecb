package io.loopscout.runner.shows;

import io.loopscout.core.Failure;
import io.loopscout.core.FileTrees;
import io.loopscout.core.Language;
import io.loopscout.extract.Extractors;
import io.loopscout.extract.rewrite.CrateRewriter;
import io.loopscout.extract.rewrite.LoopOutcome;
import io.loopscout.extract.rewrite.RewriteResult;
import io.loopscout.manifest.BenchSpec;
import io.loopscout.manifest.Popularity;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.manifest.SourceSpec;
import io.loopscout.runner.Measurement;
import io.loopscout.runner.ProjectMeasurer;
import io.loopscout.runner.TestFixtures;
import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.PreparedProject;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.build.SandboxedCrateBuilder;
import io.loopscout.runner.protocol.Protocol;
import io.loopscout.runner.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The zlib-rs real check: inflate fed in 16-byte chunks through the driver crate
 * (src/test/resources/bench/zlib-driver), as A (zlib-rs as published), B (a rewritten copy, when given),
 * D (LLVM flag) and A'. Each variant's checkout holds {@code zlib-rs/} and {@code driver/} side by side.
 */
final class ZlibShow {
    private ZlibShow() {
    }

    static void run(Sandbox sandbox, RustToolchain tc, Path scratch, String[] args) {
        if (args.length < 2) {
            System.err.println("usage: bench.sh zlib ZLIB_RS_DIR [REWRITTEN_DIR|rewrite|-] [ITERATIONS]");
            System.exit(2);
        }
        Path zlib = Path.of(args[1]).toAbsolutePath();
        String bArg = args.length > 2 ? args[2] : "rewrite";
        String iterations = args.length > 3 ? args[3] : "15";
        Path a = checkout(scratch.resolve("a"), zlib);
        Path b = switch (bArg) {
            case "-" -> null;
            case "rewrite" -> rewritten(sandbox, tc, checkout(scratch.resolve("b"), zlib));
            default -> checkout(scratch.resolve("b"), Path.of(bArg).toAbsolutePath());
        };
        ProjectSpec spec = new ProjectSpec("zlib-rs", Language.RUST, new SourceSpec.Path(zlib.toString()),
                Popularity.none(), "driver", new BenchSpec("cargo run --release -- 16 " + iterations, ""),
                "inflate, 16-byte chunks", 0);
        ProjectMeasurer pm = Shows.measurer(sandbox, tc, scratch, Protocol.standard());
        List<Failure> failures = new ArrayList<>();
        PreparedProject p = pm.prepare(spec, a, b, failures);
        failures.forEach(f -> System.out.println("failure: " + f));
        if (p == null) {
            return;
        }
        System.out.println("variants built: " + p.runs().keySet());
        Measurement m = pm.measure(p, failures);
        Shows.print(m);
        System.out.println("published (zlib-rs 012cc2a, 16-byte chunks): loop_match -7.8% +- 1.2% time, "
                + "LLVM flag -4.8%; here B/A time = " + pct(m.speedup()) + ", D/A time = " + pct(m.llvmFlagSpeedup()));
    }

    /** Variant B: the rewriter applied in place to the copy's zlib-rs, its builds verified in the sandbox. */
    private static Path rewritten(Sandbox sandbox, RustToolchain tc, Path checkout) {
        CargoBuild cargo = new CargoBuild(sandbox, tc);
        CrateRewriter rewriter = new CrateRewriter(() -> Extractors.forLanguage(Language.RUST),
                target -> new SandboxedCrateBuilder(cargo, target, "zlib-rs"));
        RewriteResult r = rewriter.rewrite(checkout.resolve("zlib-rs"), CrateRewriter.Mode.IN_PLACE);
        System.out.println("rewriter: " + r.count(LoopOutcome.Status.REWRITTEN) + " rewritten, "
                + r.count(LoopOutcome.Status.LEFT_ALONE) + " left alone, " + r.count(LoopOutcome.Status.REVERTED)
                + " reverted; changed " + r.changedFiles());
        r.loops().forEach(l -> System.out.println("  " + l.file() + ":" + l.line() + " " + l.pattern() + " "
                + l.status() + (l.reason().isEmpty() ? "" : " (" + l.reason() + ")")));
        return r.changedFiles().isEmpty() ? null : checkout;
    }

    private static String pct(Double speedup) {
        return speedup == null ? "-" : String.format(java.util.Locale.ROOT, "%+.1f%%", (1 / speedup - 1) * 100);
    }

    /** {@code dir/zlib-rs} (a copy of {@code zlib}) and {@code dir/driver} depending on it by path. */
    private static Path checkout(Path dir, Path zlib) {
        try {
            FileTrees.copy(zlib, dir.resolve("zlib-rs"));
            Path driver = TestFixtures.copyResource("bench/zlib-driver", dir.resolve("tmp")).toAbsolutePath();
            Files.move(driver, dir.resolve("driver"), StandardCopyOption.REPLACE_EXISTING);
            Path template = dir.resolve("driver/Cargo.toml.template");
            Files.writeString(dir.resolve("driver/Cargo.toml"),
                    Files.readString(template).replace("@ZLIB_RS@", "../zlib-rs"));
            Files.delete(template);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
