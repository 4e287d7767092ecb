package io.loopscout.runner;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.core.FileTrees;
import io.loopscout.core.Language;
import io.loopscout.extract.Finding;
import io.loopscout.manifest.BenchSpec;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.runner.build.BenchCommand;
import io.loopscout.runner.build.BuildResult;
import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.DriverCrate;
import io.loopscout.runner.build.PreparedProject;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.build.Variant;
import io.loopscout.runner.model.ModelBench;
import io.loopscout.runner.model.ModelOutcome;
import io.loopscout.runner.protocol.Analysis;
import io.loopscout.runner.protocol.CallgrindCounts;
import io.loopscout.runner.protocol.Host;
import io.loopscout.runner.protocol.InterleavedRuns;
import io.loopscout.runner.protocol.Protocol;
import io.loopscout.runner.protocol.Series;
import io.loopscout.runner.sandbox.Sandbox;
import io.loopscout.runner.sandbox.SandboxCommand;
import io.loopscout.runner.sandbox.SandboxResult;
import io.loopscout.runner.sandbox.SandboxSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Measure stage's entry point for one project: the model tier for every finding's state graph, then the
 * project tier (the manifest's bench command as A, B, D, A' under the protocol, in the sandbox). Free of Beam;
 * never throws for anything a project does: failures come back as {@link Failure} records.
 */
public final class ProjectMeasurer {
    private static final String STAGE = "measure";

    private final CargoBuild cargo;
    private final Path workDir;
    private final Protocol protocol;
    private final ModelBench models;

    /**
     * @param workDir  where variant target dirs live ({@code workDir/<project>/<variant>})
     * @param protocol the measurement protocol
     * @param models   the model tier (shares the sandbox; caches by graph shape)
     */
    public ProjectMeasurer(CargoBuild cargo, Path workDir, Protocol protocol, ModelBench models) {
        this.cargo = cargo;
        this.workDir = workDir;
        this.protocol = protocol;
        this.models = models;
    }

    /** A measurer with the default sandbox settings (strict bwrap), the host toolchain, the standard protocol. */
    public static ProjectMeasurer create(Path cacheDir) throws IOException {
        return create(cacheDir, SandboxSettings.standard());
    }

    /** A measurer with the sandbox and limits of {@code settings}, the host toolchain, the standard protocol. */
    public static ProjectMeasurer create(Path cacheDir, SandboxSettings settings) throws IOException {
        Sandbox sandbox = settings.detect();
        RustToolchain tc = RustToolchain.detect();
        Path work = cacheDir.resolve("measure");
        Protocol std = Protocol.standard();
        Protocol p = std.withLimits(settings.runLimits(std.runLimits()), settings.runLimits(std.callgrindLimits()));
        return new ProjectMeasurer(new CargoBuild(sandbox, tc, settings.buildLimits()), work, p,
                new ModelBench(sandbox, tc, work, cacheDir, p));
    }

    /** The sandboxed cargo this measurer builds with (for the rewriter's verification builds, too). */
    public CargoBuild cargo() {
        return cargo;
    }

    /** For run.json: how runs are timed and decided (clock and its cost, pinning, CI target, budget). */
    public String timing() {
        return protocol.describe();
    }

    /** For run.json: which sandbox is used and how limits are enforced. */
    public String sandboxMethod() {
        return cargo.sandbox().method();
    }

    /** Measures a project without a rewritten variant B (B is then not measured; D and A' are). */
    public MeasureOutcome measure(ProjectSpec spec, Path checkout, List<Finding> findings, MeasureMode mode) {
        return measure(spec, checkout, null, findings, mode);
    }

    /**
     * Measures one project.
     *
     * @param checkout       the project's source (the workspace; {@code spec.subdir()} is the crate inside)
     * @param rewritten      the rewriter's copy of {@code checkout} with the {@code #[loop_match]} rewrite, or
     *                       null
     * @param findings       the project's findings (their graphs feed the model tier)
     */
    public MeasureOutcome measure(ProjectSpec spec, Path checkout, Path rewritten, List<Finding> findings,
                                  MeasureMode mode) {
        try {
            return gather(spec, checkout, rewritten, findings, mode);
        } finally {
            removeScratch(spec.id());
        }
    }

    /**
     * Removes the project's scratch space (its variants' target dirs), whatever happened; a failure to remove
     * is logged, never thrown (it must not hide the project's own outcome).
     */
    public void removeScratch(String projectId) {
        Path dir = workDir.resolve(projectId).normalize();
        if (!dir.startsWith(workDir.normalize()) || dir.equals(workDir.normalize())) {
            return;
        }
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            System.err.println("loopscout: cannot remove scratch " + dir + ": " + e.getMessage());
        }
    }

    private MeasureOutcome gather(ProjectSpec spec, Path checkout, Path rewritten, List<Finding> findings,
                                  MeasureMode mode) {
        List<Failure> failures = new ArrayList<>();
        Map<String, Measurement> modelResults = new LinkedHashMap<>();
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (mode == MeasureMode.STATIC || f.graph() == null || f.graph().states().isEmpty()) {
                out.add(f);
                continue;
            }
            String key = f.graph().shapeHash();
            Measurement m = modelResults.get(key);
            if (m == null) {
                ModelOutcome mo = models.measure(spec.id(), f.graph());
                failures.addAll(mo.failures());
                m = mo.measurement();
                modelResults.put(key, m);
            }
            out.add(f.withModelSpeedup(m.speedup()));
        }
        Measurement project = null;
        if (mode == MeasureMode.PROJECT && spec.bench() != null) {
            if (spec.language() != Language.RUST) {
                failures.add(new Failure(spec.id(), STAGE, FailureClass.BENCH_FAIL,
                        "project tier is implemented for Rust (cargo) projects only, not " + spec.language().id()));
            } else {
                PreparedProject prepared = prepare(spec, checkout, rewritten, failures);
                if (prepared != null) {
                    project = measure(prepared, failures);
                }
            }
        }
        return new MeasureOutcome(project, failures, out, modelResults);
    }

    /**
     * Fetches dependencies and builds every variant; null when A or A' cannot be built (the failures say why).
     * A variant B or D that fails to build is left out, with a failure.
     */
    public PreparedProject prepare(ProjectSpec spec, Path checkout, Path rewritten, List<Failure> failures) {
        return prepare(spec, checkout, rewritten, List.of(Variant.A, Variant.B, Variant.D, Variant.A_PRIME),
                failures);
    }

    /** Like {@link #prepare(ProjectSpec, Path, Path, List)} for a chosen subset of variants (A first). */
    public PreparedProject prepare(ProjectSpec spec, Path checkout, Path rewritten, List<Variant> variants,
                                   List<Failure> failures) {
        BenchSpec bench = spec.bench();
        if (bench.isDriver()) {
            return prepareDriver(spec, checkout, rewritten, variants, failures);
        }
        BenchCommand cmd;
        try {
            cmd = BenchCommand.parse(bench.command());
        } catch (IllegalArgumentException e) {
            failures.add(new Failure(spec.id(), STAGE, FailureClass.BENCH_FAIL,
                    "bad bench command (manifest line " + spec.line() + "): " + e.getMessage()));
            return null;
        }
        Path crate = crateDir(checkout, spec.subdir());
        if (!crate.startsWith(checkout.normalize())) {
            failures.add(new Failure(spec.id(), STAGE, FailureClass.BUILD_FAIL,
                    "subdir leaves the checkout (manifest line " + spec.line() + "): " + spec.subdir()));
            return null;
        }
        if (!Files.isRegularFile(crate.resolve("Cargo.toml"))) {
            failures.add(new Failure(spec.id(), STAGE, FailureClass.BUILD_FAIL, "no Cargo.toml in " + crate));
            return null;
        }
        Failure fetch = cargo.fetch(spec.id(), checkout, crate);
        if (fetch != null) {
            failures.add(fetch);
            return null;
        }
        Path crateB = rewritten == null ? null : crateDir(rewritten, spec.subdir());
        if (crateB != null) {
            Failure f = Files.isRegularFile(crateB.resolve("Cargo.toml")) ? cargo.fetch(spec.id(), rewritten, crateB)
                    : new Failure(spec.id(), STAGE, FailureClass.BUILD_FAIL, "no Cargo.toml in " + crateB);
            if (f != null) {
                failures.add(f);
                crateB = null;
            }
        }
        Map<Variant, SandboxCommand> runs = new LinkedHashMap<>();
        for (Variant v : variants) {
            Path root = v == Variant.B ? rewritten : checkout;
            Path dir = v == Variant.B ? crateB : crate;
            if (dir == null) {
                continue;
            }
            Path target = workDir.resolve(spec.id()).resolve(v.dirName());
            BuildResult b = cargo.build(root, dir, target, v, cmd.buildArgs(), bench.rustflags(), cargo.buildLimits());
            Path exe = b.executable(cmd.target());
            if (!b.ok() || (cmd.cargoRun() && exe == null)) {
                failures.add(buildFailure(spec, b, cmd.text()));
                if (v.required()) {
                    return null;
                }
                continue;
            }
            runs.put(v, runCommand(cmd, v, root, dir, target, exe, bench.rustflags()));
        }
        return new PreparedProject(spec.id(), runs, cmd.cargoRun());
    }

    /** Why a variant's build is unusable: cargo's failure, or no executable for {@code what} when it built. */
    private static Failure buildFailure(ProjectSpec spec, BuildResult b, String what) {
        return b.ok() ? new Failure(spec.id(), STAGE, FailureClass.BUILD_FAIL, "variant " + b.variant().label()
                + ": cargo built no executable for " + what)
                : b.toFailure(spec.id(), STAGE, "build " + b.variant().label());
    }

    /**
     * A driver project: the driver crate copied per variant against the original crate (A, D, A') or its rewrite
     * (B), its dependencies fetched, built in the sandbox, run once to compare its checksum with A's (a variant
     * that computes something else is dropped with {@code bench-fail}); null when A or A' is unusable.
     */
    private PreparedProject prepareDriver(ProjectSpec spec, Path checkout, Path rewritten, List<Variant> variants,
                                          List<Failure> failures) {
        BenchSpec bench = spec.bench();
        Path crate = crateDir(checkout, spec.subdir());
        Path crateB = rewritten == null ? null : crateDir(rewritten, spec.subdir());
        if (!crate.startsWith(checkout.normalize()) || !Files.isRegularFile(crate.resolve("Cargo.toml"))) {
            failures.add(new Failure(spec.id(), STAGE, FailureClass.BUILD_FAIL, "no crate at subdir '"
                    + spec.subdir() + "' (manifest line " + spec.line() + ")"));
            return null;
        }
        Map<Variant, SandboxCommand> runs = new LinkedHashMap<>();
        for (Variant v : variants) {
            Path root = v == Variant.B ? rewritten : checkout;
            Path dir = v == Variant.B ? crateB : crate;
            if (dir == null) {
                continue;
            }
            Path base = workDir.resolve(spec.id()).resolve(v.dirName());
            Path driverRoot = base.resolve("driver");
            Path driver;
            try {
                driver = DriverCrate.materialize(Path.of(bench.driver()), root, dir, driverRoot);
            } catch (IOException | RuntimeException e) {
                failures.add(Failure.of(spec.id(), STAGE, FailureClass.BENCH_FAIL, e));
                return null;
            }
            // everything the fetch and the build read is under driverRoot: the driver, its siblings, the source copy
            Failure fetch = cargo.fetch(spec.id(), driverRoot, driver);
            if (fetch != null) {
                failures.add(fetch);
                if (v.required()) {
                    return null;
                }
                continue;
            }
            Path target = base.resolve("target");
            BuildResult b = cargo.build(driverRoot, driver, target, v, List.of("build", "--release"),
                    bench.rustflags(), cargo.buildLimits());
            Path exe = b.executable(null);
            if (!b.ok() || exe == null) {
                failures.add(buildFailure(spec, b, "driver " + bench.driver()));
                if (v.required()) {
                    return null;
                }
                continue;
            }
            List<String> argv = new ArrayList<>();
            argv.add(exe.toString());
            argv.addAll(bench.args());
            runs.put(v, SandboxCommand.of(argv).workDir(driver).readOnly(driverRoot).readOnly(target)
                    .env(cargo.toolchain().environment()).cpu(protocol.cpu()).limits(protocol.runLimits()).build());
        }
        return checked(new PreparedProject(spec.id(), runs, true, DriverCrate.WORKLOAD_FUNCTION), failures);
    }

    /**
     * Runs every variant of a driver project once and keeps those whose checksum equals A's: B must compute what
     * A computes, or its time means nothing. Null when A or A' fails or disagrees.
     */
    private PreparedProject checked(PreparedProject p, List<Failure> failures) {
        Map<Variant, SandboxCommand> kept = new LinkedHashMap<>();
        String expected = null;
        for (Map.Entry<Variant, SandboxCommand> e : p.runs().entrySet()) {
            Variant v = e.getKey();
            SandboxResult r = cargo.sandbox().run(e.getValue());
            String sum = r.ok() ? DriverCrate.checksum(r.log()) : null;
            String problem = !r.ok() ? null
                    : sum == null ? "variant " + v.label() + ": the driver printed no " + DriverCrate.CHECKSUM_MARKER
                    : expected != null && !sum.equals(expected) ? "variant " + v.label() + " computed another result "
                            + "than A (checksum " + sum + ", A: " + expected + ")" : null;
            if (!r.ok() || problem != null) {
                failures.add(problem == null ? r.toFailure(p.project(), STAGE, FailureClass.BENCH_FAIL,
                        "check run " + v.label()) : new Failure(p.project(), STAGE, FailureClass.BENCH_FAIL, problem));
                if (v.required()) {
                    return null;
                }
                continue;
            }
            expected = expected == null ? sum : expected;
            kept.put(v, e.getValue());
        }
        return new PreparedProject(p.project(), kept, p.direct(), p.counted());
    }

    /** Times a prepared project under the protocol; callgrind counts each variant once when it can. */
    public Measurement measure(PreparedProject prepared, List<Failure> failures) {
        double loadBefore = Host.loadAverage();
        Series series = InterleavedRuns.run(protocol, suppliers(prepared));
        String load = Host.loadNote(loadBefore, Host.loadAverage());
        if (series.failed()) {
            failures.add(series.failure().toFailure(prepared.project(), STAGE, FailureClass.BENCH_FAIL,
                    "bench run " + series.failedVariant()));
        }
        Map<String, CallgrindCounts> counts = new LinkedHashMap<>();
        String note = "sandbox: " + cargo.sandbox().method() + "; " + protocol.describe() + "; " + load;
        if (protocol.callgrind() && prepared.direct() && !series.failed()) {
            for (Map.Entry<Variant, SandboxCommand> e : prepared.runs().entrySet()) {
                CallgrindCounts c = CallgrindCounts.measure(cargo.sandbox(), e.getValue(), protocol.callgrindLimits(),
                        prepared.counted());
                if (c != null) {
                    counts.put(e.getKey().label(), c);
                }
            }
        }
        return Analysis.of(series, protocol).toMeasurement(EvidenceTier.PROJECT, counts, note);
    }

    /** Times a prepared project and returns the full analysis (for A/A experiments and benchmarks). */
    public Analysis analyse(PreparedProject prepared) {
        return Analysis.of(InterleavedRuns.run(protocol, suppliers(prepared)), protocol);
    }

    private LinkedHashMap<String, Supplier<SandboxResult>> suppliers(PreparedProject prepared) {
        LinkedHashMap<String, Supplier<SandboxResult>> runs = new LinkedHashMap<>();
        prepared.runs().forEach((v, c) -> runs.put(v.label(), () -> cargo.sandbox().run(c)));
        return runs;
    }

    private SandboxCommand runCommand(BenchCommand cmd, Variant v, Path root, Path dir, Path target, Path exe,
                                      String sharedFlags) {
        RustToolchain tc = cargo.toolchain();
        if (cmd.cargoRun()) {
            List<String> argv = new ArrayList<>();
            argv.add(exe.toString());
            argv.addAll(cmd.programArgs());
            return SandboxCommand.of(argv).workDir(dir).readOnly(root).readOnly(target)
                    .env(tc.environment()).cpu(protocol.cpu()).limits(protocol.runLimits()).build();
        }
        return SandboxCommand.of(List.of("/bin/sh", "-c", cmd.text())).workDir(dir).readOnly(tc.readOnlyPaths())
                .readOnly(root).writable(target).env(tc.environment())
                .env(Map.of("CARGO_TARGET_DIR", target.toString(), "RUSTFLAGS", v.rustflags(sharedFlags)))
                .cpu(protocol.cpu()).limits(protocol.runLimits()).build();
    }

    private static Path crateDir(Path checkout, String subdir) {
        return subdir == null || subdir.isBlank() ? checkout.normalize() : checkout.resolve(subdir).normalize();
    }
}
