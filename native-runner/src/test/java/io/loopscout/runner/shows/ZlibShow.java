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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The zlib-rs real check: inflate fed in 16-byte chunks (and whole) through the shipped benchmark driver
 * (corpus-manifest/benches/zlib-rs, the same one {@code ./loopscout run --measure project} uses), as A (zlib-rs as
 * given), B (a rewritten copy, when given or rewritten here), D (LLVM flag) and A'.
 */
final class ZlibShow {
    private ZlibShow() {
    }

    static void run(Sandbox sandbox, RustToolchain tc, Path scratch, String[] args) {
        if (args.length < 2) {
            System.err.println("usage: bench.sh zlib ZLIB_RS_DIR [REWRITTEN_DIR|rewrite|-] [ITERATIONS]");
            System.exit(2);
        }
        Path zlib = Path.of(args[1]).toAbsolutePath().normalize();
        String bArg = args.length > 2 ? args[2] : "rewrite";
        String iterations = args.length > 3 ? args[3] : "30";
        Path b = switch (bArg) {
            case "-" -> null;
            case "rewrite" -> rewritten(sandbox, tc, copy(zlib, scratch.resolve("b")));
            default -> Path.of(bArg).toAbsolutePath().normalize();
        };
        Path driver = Path.of("corpus-manifest", "benches", "zlib-rs").toAbsolutePath();
        ProjectSpec spec = new ProjectSpec("zlib-rs", Language.RUST, new SourceSpec.Path(zlib.toString()),
                Popularity.none(), null, BenchSpec.driver(driver.toString(), List.of("16", iterations), ""),
                "inflate, 16-byte chunks and whole", 0);
        ProjectMeasurer pm = Shows.measurer(sandbox, tc, scratch, Protocol.standard());
        List<Failure> failures = new ArrayList<>();
        PreparedProject p = pm.prepare(spec, zlib, b, failures);
        failures.forEach(f -> System.out.println("failure: " + f));
        if (p == null) {
            return;
        }
        System.out.println("variants built: " + p.runs().keySet());
        Measurement m = pm.measure(p, failures);
        Shows.print(m);
        System.out.printf(Locale.ROOT, "instructions (callgrind, workload only): B/A %s, D/A %s%n",
                ratio(m.instructionsRatio("B")), ratio(m.instructionsRatio("D")));
        System.out.println("published (zlib-rs 012cc2a, 16-byte chunks): loop_match -7.8% +- 1.2% time, "
                + "LLVM flag -4.8%; here B/A time = " + pct(m.speedup()) + ", D/A time = " + pct(m.llvmFlagSpeedup()));
    }

    /** Variant B: the rewriter applied in place to a copy of zlib-rs, its builds verified in the sandbox. */
    private static Path rewritten(Sandbox sandbox, RustToolchain tc, Path crate) {
        CargoBuild cargo = new CargoBuild(sandbox, tc);
        CrateRewriter rewriter = new CrateRewriter(() -> Extractors.forLanguage(Language.RUST),
                target -> new SandboxedCrateBuilder(cargo, target, "zlib-rs"));
        RewriteResult r = rewriter.rewrite(crate, CrateRewriter.Mode.IN_PLACE);
        System.out.println("rewriter: " + r.count(LoopOutcome.Status.REWRITTEN) + " rewritten, "
                + r.count(LoopOutcome.Status.LEFT_ALONE) + " left alone, " + r.count(LoopOutcome.Status.REVERTED)
                + " reverted; changed " + r.changedFiles());
        r.loops().forEach(l -> System.out.println("  " + l.file() + ":" + l.line() + " " + l.pattern() + " "
                + l.status() + (l.reason().isEmpty() ? "" : " (" + l.reason() + ")")));
        return r.changedFiles().isEmpty() ? null : crate;
    }

    private static String pct(Double speedup) {
        return speedup == null ? "-" : String.format(Locale.ROOT, "%+.1f%%", (1 / speedup - 1) * 100);
    }

    private static String ratio(Double r) {
        return r == null ? "-" : String.format(Locale.ROOT, "%.4f (%+.2f%%)", r, (r - 1) * 100);
    }

    private static Path copy(Path zlib, Path dir) {
        try {
            Files.createDirectories(dir.getParent());
            FileTrees.copy(zlib, dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
