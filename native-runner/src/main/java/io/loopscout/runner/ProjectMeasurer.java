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
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
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
    private Consumer<String> steps = line -> { };

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

    /** Reports each finished step of a measurement (what it was, how long it took) to {@code listener}. */
    public ProjectMeasurer onStep(Consumer<String> listener) {
        this.steps = listener;
        return this;
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
        Map<String, Measurement> modelResults = new LinkedHashMap<>();
        List<Finding> out = new ArrayList<>();
        long modelStart = System.nanoTime();
        for (Finding f : findings) {
            if (!modelled(f, mode, project != null) || f.graph() == null || f.graph().states().isEmpty()) {
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
        if (!modelResults.isEmpty()) {
            steps.accept(String.format(Locale.ROOT, "model tier of %d graph shapes in %.0f s", modelResults.size(),
                    seconds(modelStart)));
        }
        return new MeasureOutcome(project, failures, out, modelResults);
    }

    /**
     * Whether the model tier measures {@code f}: with {@code --measure model} every state graph; with
     * {@code --measure project} only the rewritable loops of a project whose own benchmark did not run (none, or
     * it failed to build), whose kernels make its model headline (the median rewritable loop). A project measured
     * by its benchmark stands as itself; the corpus's hundreds of graphs of C loops and of loops the rewriter
     * cannot take, each kernel 1-2 min under the protocol, are {@code --measure model}'s.
     *
     * @param benched whether the project's own benchmark was measured
     */
    static boolean modelled(Finding f, MeasureMode mode, boolean benched) {
        return mode == MeasureMode.MODEL
                || (mode == MeasureMode.PROJECT && !benched && Boolean.TRUE.equals(f.eligible()));
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
        BenchForm form = spec.bench().isDriver() ? driverForm(spec, checkout, rewritten, failures)
                : commandForm(spec, checkout, rewritten, failures);
        if (form == null) {
            return null;
        }
        Map<Variant, SandboxCommand> runs = new LinkedHashMap<>();
        Map<Path, Failure> fetched = new LinkedHashMap<>();
        for (Variant v : variants) {
            if (!prepareVariant(spec, form, v, fetched, runs, failures) && v.required()) {
                return null;
            }
        }
        PreparedProject p = new PreparedProject(spec.id(), runs, form.direct(), form.counted());
        return form.counted() == null ? p : checked(p, failures);
    }

    /**
     * Lays out, fetches and builds one variant, adding its run command to {@code runs}: the one path of both bench
     * forms. False (with a failure) when the variant is unusable; true also when it has no source (B without a
     * rewrite). A source root is fetched once: the variants that share it reuse its outcome.
     */
    private boolean prepareVariant(ProjectSpec spec, BenchForm form, Variant v, Map<Path, Failure> fetched,
                                   Map<Variant, SandboxCommand> runs, List<Failure> failures) {
        long start = System.nanoTime();
        VariantSource src;
        try {
            src = form.layout(v);
        } catch (IOException | RuntimeException e) {
            failures.add(Failure.of(spec.id(), STAGE, FailureClass.BENCH_FAIL, e));
            return false;
        }
        if (src == null) {
            return true;
        }
        if (src.missing() != null) {
            failures.add(src.missing());
            return false;
        }
        Failure fetch = fetched.containsKey(src.fetchKey()) ? fetched.get(src.fetchKey())
                : cargo.fetch(spec.id(), src.root(), src.crate());
        fetched.put(src.fetchKey(), fetch);
        if (fetch != null) {
            failures.add(fetch);
            return false;
        }
        BuildResult b = cargo.build(src.root(), src.crate(), src.target(), v, form.buildArgs(),
                spec.bench().rustflags(), cargo.buildLimits());
        Path exe;
        try {
            exe = b.ok() ? form.executable(b, src) : null;
        } catch (IOException e) {
            failures.add(Failure.of(spec.id(), STAGE, FailureClass.BENCH_FAIL, e));
            return false;
        }
        if (!b.ok() || (form.direct() && exe == null)) {
            failures.add(buildFailure(spec, b, form.what()));
            return false;
        }
        runs.put(v, form.run(v, src, exe));
        steps.accept(String.format(Locale.ROOT, "variant %s laid out, fetched and built in %.0f s", v.label(),
                seconds(start)));
        return true;
    }

    /**
     * Where one variant is built from: the source root the sandbox binds, the crate cargo builds, the target dir,
     * and the root whose dependency fetch it shares; or, in {@code missing}, why it has no usable crate.
     */
    private record VariantSource(Path root, Path crate, Path target, Path fetchKey, Failure missing) {
        static VariantSource of(Path root, Path crate, Path target, Path fetchKey) {
            return new VariantSource(root, crate, target, fetchKey, null);
        }
    }

    /** What differs between a manifest's bench command and a driver crate: layout, artefact, run. */
    private interface BenchForm {
        /** Variant {@code v}'s source, laid out where needed; null when the variant has none (B, no rewrite). */
        VariantSource layout(Variant v) throws IOException;

        /** cargo's arguments of every variant's build. */
        List<String> buildArgs();

        /** The built executable to run, or null when the build made none. */
        Path executable(BuildResult b, VariantSource src) throws IOException;

        /** What is built, for a failure message. */
        String what();

        /** One timed run of variant {@code v}. */
        SandboxCommand run(Variant v, VariantSource src, Path exe);

        /** Whether runs execute the built program directly (callgrind can count it). */
        boolean direct();

        /** The function callgrind counts alone and whose checksum the variants must agree on, or null. */
        String counted();
    }

    /** The manifest's bench command (cargo run, or any command under sh); null with a failure when unusable. */
    private BenchForm commandForm(ProjectSpec spec, Path checkout, Path rewritten, List<Failure> failures) {
        BenchCommand cmd;
        try {
            cmd = BenchCommand.parse(spec.bench().command());
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
        return new BenchForm() {
            @Override
            public VariantSource layout(Variant v) {
                Path root = v == Variant.B ? rewritten : checkout;
                if (root == null) {
                    return null;
                }
                Path dir = crateDir(root, spec.subdir());
                // the sh form runs cargo in every timed run: each variant keeps a target dir of its own
                Path target = workDir.resolve(spec.id()).resolve(v.dirName());
                return Files.isRegularFile(dir.resolve("Cargo.toml")) ? VariantSource.of(root, dir, target, root)
                        : new VariantSource(root, dir, target, root, new Failure(spec.id(), STAGE,
                                FailureClass.BUILD_FAIL, "no Cargo.toml in " + dir));
            }

            @Override
            public List<String> buildArgs() {
                return cmd.buildArgs();
            }

            @Override
            public Path executable(BuildResult b, VariantSource src) {
                return b.executable(cmd.target());
            }

            @Override
            public String what() {
                return cmd.text();
            }

            @Override
            public SandboxCommand run(Variant v, VariantSource src, Path exe) {
                return runCommand(cmd, v, src.root(), src.crate(), src.target(), exe, spec.bench().rustflags());
            }

            @Override
            public boolean direct() {
                return cmd.cargoRun();
            }

            @Override
            public String counted() {
                return null;
            }
        };
    }

    /**
     * A driver crate: copied per variant against the original crate (A, D, A') or its rewrite (B). A, B and A'
     * share one target dir, so the crates.io dependencies they build with the same flags are compiled once; the
     * measured crate, its workspace, the driver and {@code common} sit at another path in every variant's copy,
     * so cargo compiles them per variant (A' stays a build of its own). D's flag applies to every crate: its own
     * target dir. Each executable is copied out of the shared dir at once. The dependencies are fetched once:
     * A's Cargo.lock is copied into the other variants' drivers, whose source has the same manifests.
     */
    private BenchForm driverForm(ProjectSpec spec, Path checkout, Path rewritten, List<Failure> failures) {
        BenchSpec bench = spec.bench();
        Path crate = crateDir(checkout, spec.subdir());
        if (!crate.startsWith(checkout.normalize()) || !Files.isRegularFile(crate.resolve("Cargo.toml"))) {
            failures.add(new Failure(spec.id(), STAGE, FailureClass.BUILD_FAIL, "no crate at subdir '"
                    + spec.subdir() + "' (manifest line " + spec.line() + ")"));
            return null;
        }
        Path project = workDir.resolve(spec.id());
        return new BenchForm() {
            private Path firstRoot;

            @Override
            public VariantSource layout(Variant v) throws IOException {
                Path root = v == Variant.B ? rewritten : checkout;
                if (root == null) {
                    return null;
                }
                Path driverRoot = project.resolve(v.dirName()).resolve("driver");
                Path driver = DriverCrate.materialize(Path.of(bench.driver()), root, crateDir(root, spec.subdir()),
                        driverRoot);
                Path target = project.resolve(v == Variant.D ? "target-d" : "target");
                Path firstLock = firstRoot == null ? null
                        : firstRoot.resolve("benches").resolve(driver.getFileName().toString()).resolve("Cargo.lock");
                if (firstLock != null && Files.isRegularFile(firstLock)) {
                    Files.copy(firstLock, driver.resolve("Cargo.lock"));
                    return VariantSource.of(driverRoot, driver, target, firstRoot); // A's fetch stands for it
                }
                firstRoot = driverRoot;
                // everything the fetch and the build read is under driverRoot: the driver, its siblings, the source
                return VariantSource.of(driverRoot, driver, target, driverRoot);
            }

            @Override
            public List<String> buildArgs() {
                return List.of("build", "--release");
            }

            @Override
            public Path executable(BuildResult b, VariantSource src) throws IOException {
                Path exe = b.executable(null);
                if (exe == null) {
                    return null;
                }
                // the next variant's build overwrites target/release/<name> in the shared target dir
                Path bin = Files.createDirectories(src.root().resolveSibling("bin"));
                return Files.copy(exe, bin.resolve(exe.getFileName().toString()),
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }

            @Override
            public String what() {
                return "driver " + bench.driver();
            }

            @Override
            public SandboxCommand run(Variant v, VariantSource src, Path exe) {
                List<String> argv = new ArrayList<>();
                argv.add(exe.toString());
                argv.addAll(bench.args());
                return SandboxCommand.of(argv).workDir(src.crate()).readOnly(src.root()).readOnly(exe.getParent())
                        .env(cargo.toolchain().environment()).cpu(protocol.cpu()).limits(protocol.runLimits())
                        .build();
            }

            @Override
            public boolean direct() {
                return true;
            }

            @Override
            public String counted() {
                return DriverCrate.WORKLOAD_FUNCTION;
            }
        };
    }

    /** Why a variant's build is unusable: cargo's failure, or no executable for {@code what} when it built. */
    private static Failure buildFailure(ProjectSpec spec, BuildResult b, String what) {
        return b.ok() ? new Failure(spec.id(), STAGE, FailureClass.BUILD_FAIL, "variant " + b.variant().label()
                + ": cargo built no executable for " + what)
                : b.toFailure(spec.id(), STAGE, "build " + b.variant().label());
    }

    /**
     * Runs every variant of a driver project once and keeps those whose checksum equals A's: B must compute what
     * A computes, or its time means nothing. Null when A or A' fails or disagrees.
     */
    private PreparedProject checked(PreparedProject p, List<Failure> failures) {
        long start = System.nanoTime();
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
        steps.accept(String.format(Locale.ROOT, "checksum runs in %.0f s", seconds(start)));
        return new PreparedProject(p.project(), kept, p.direct(), p.counted());
    }

    /** Times a prepared project under the protocol; callgrind counts each variant once when it can. */
    public Measurement measure(PreparedProject prepared, List<Failure> failures) {
        double loadBefore = Host.loadAverage();
        long start = System.nanoTime();
        Series series = InterleavedRuns.run(protocol, suppliers(prepared));
        String load = Host.loadNote(loadBefore, Host.loadAverage());
        steps.accept(String.format(Locale.ROOT, "timed runs of %s in %.0f s (%s)", prepared.runs().keySet().stream()
                .map(Variant::label).toList(), seconds(start), load));
        start = System.nanoTime();
        if (series.failed()) {
            failures.add(series.failure().toFailure(prepared.project(), STAGE, FailureClass.BENCH_FAIL,
                    "bench run " + series.failedVariant()));
        }
        Map<String, CallgrindCounts> counts = new LinkedHashMap<>();
        String note = "sandbox: " + cargo.sandbox().method() + "; " + protocol.describe() + "; " + load;
        if (protocol.callgrind() && prepared.direct() && !series.failed()) {
            for (Map.Entry<Variant, SandboxCommand> e : prepared.runs().entrySet()) {
                CallgrindCounts c = CallgrindCounts.measure(cargo.sandbox(), counted(prepared, e.getValue()),
                        protocol.callgrindLimits(), prepared.counted());
                if (c != null) {
                    counts.put(e.getKey().label(), c);
                }
            }
            steps.accept(String.format(Locale.ROOT, "callgrind counts of %d variants in %.0f s", counts.size(),
                    seconds(start)));
            if (prepared.counted() != null) {
                note += "; callgrind counts " + DriverCrate.COUNTED_ITERATIONS + " iteration of the driver's workload";
            }
        }
        return Analysis.of(series, protocol).toMeasurement(EvidenceTier.PROJECT, counts, note);
    }

    /**
     * The command callgrind runs for one variant: a driver's run with {@value DriverCrate#ITERATIONS_ENV} set, so
     * valgrind (about 50× slower) counts one iteration of the workload rather than the timed runs' N.
     */
    private static SandboxCommand counted(PreparedProject prepared, SandboxCommand run) {
        if (prepared.counted() == null) {
            return run;
        }
        Map<String, String> env = new LinkedHashMap<>(run.env());
        env.put(DriverCrate.ITERATIONS_ENV, Integer.toString(DriverCrate.COUNTED_ITERATIONS));
        return new SandboxCommand(run.argv(), run.workDir(), run.readOnly(), run.writable(), env, run.cpu(),
                run.limits());
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

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static Path crateDir(Path checkout, String subdir) {
        return subdir == null || subdir.isBlank() ? checkout.normalize() : checkout.resolve(subdir).normalize();
    }
}
