package io.loopscout.runner.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.runner.sandbox.Limits;
import io.loopscout.runner.sandbox.Sandbox;
import io.loopscout.runner.sandbox.SandboxCommand;
import io.loopscout.runner.sandbox.SandboxResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cargo builds of corpus crates: dependencies fetched first with the network ({@link #fetch}), then every
 * variant built offline in the sandbox with its own target directory ({@link #build}).
 */
public final class CargoBuild {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STAGE = "measure";
    /** Flags that already make cargo offline; {@code --offline} is added only when none is given. */
    private static final List<String> OFFLINE_FLAGS = List.of("--offline", "--frozen");

    private final Sandbox sandbox;
    private final RustToolchain toolchain;
    private final Limits buildLimits;
    private final Limits fetchLimits;

    /** Builds through {@code sandbox} with {@code toolchain} and the default build limits. */
    public CargoBuild(Sandbox sandbox, RustToolchain toolchain) {
        this(sandbox, toolchain, Limits.build());
    }

    /** Builds through {@code sandbox} with {@code toolchain}; every build and fetch has {@code buildLimits}. */
    public CargoBuild(Sandbox sandbox, RustToolchain toolchain, Limits buildLimits) {
        this.sandbox = sandbox;
        this.toolchain = toolchain;
        this.buildLimits = buildLimits;
        // a fetch only downloads: 10 min is plenty, a longer one is a hostile or broken source
        this.fetchLimits = buildLimits.withWallTime(Duration.ofMinutes(10)).withIdleTimeout(Duration.ofMinutes(10));
    }

    /** The limits of one build (wall time, memory, processes, disk), as the user set them. */
    public Limits buildLimits() {
        return buildLimits;
    }

    /** The toolchain used. */
    public RustToolchain toolchain() {
        return toolchain;
    }

    /** The sandbox used. */
    public Sandbox sandbox() {
        return sandbox;
    }

    /** Like {@link #fetch(String, Path, Path)} for a crate that is its own source root. */
    public Failure fetch(String project, Path crateDir) {
        return fetch(project, crateDir, crateDir);
    }

    /**
     * {@code cargo fetch} of the crate at {@code crateDir} (inside the checkout {@code sourceRoot}) in the
     * sandbox, with network: the source is read-only except the workspace's Cargo.lock, which cargo writes
     * (created empty first when missing); the cargo home is read-only except its download cache. Cargo runs
     * from an empty directory with {@code --manifest-path}, so no {@code .cargo/config.toml} of the corpus is
     * read (no rustc-wrapper, build.rustc, alias, runner, source replacement...). Null when it worked.
     */
    public Failure fetch(String project, Path sourceRoot, Path crateDir) {
        Path manifest = crateDir.resolve("Cargo.toml");
        Path lock;
        try {
            lock = lockFile(project, sourceRoot, manifest);
        } catch (FetchRefused e) {
            return e.failure;
        }
        List<Path> cache;
        try {
            cache = downloadCache();
        } catch (IOException e) {
            return new Failure(project, STAGE, FailureClass.SANDBOX_ERROR,
                    "cannot prepare the download cache in " + toolchain.cargoHome() + ": " + e.getMessage());
        }
        SandboxCommand.Builder cmd = SandboxCommand.of(List.of(toolchain.cargo().toString(), "fetch", "--quiet",
                        "--manifest-path", manifest.toString()))
                .neutralWorkDir()
                .network(true)
                .readOnly(toolchain.readOnlyPaths())
                .readOnly(sourceRoot)
                .writable(lock)
                .env(toolchain.environment())
                .env("CARGO_NET_OFFLINE", "false")
                .limits(fetchLimits);
        cache.forEach(cmd::writable);
        SandboxResult r = sandbox.run(cmd.build());
        if (r.ok()) {
            return null;
        }
        String first = CargoDiagnostics.firstError(r.log());
        Failure f = r.toFailure(project, STAGE, FailureClass.FETCH_FAIL, "cargo fetch of " + crateDir);
        return new Failure(project, STAGE, f.failureClass() == FailureClass.NETWORK_BLOCKED ? FailureClass.FETCH_FAIL
                : f.failureClass(), first.isEmpty() ? f.message() : "cargo fetch of " + crateDir + ": " + first);
    }

    /**
     * The workspace's Cargo.lock, created empty when missing: the one file of the source the fetch may write.
     * Found by {@code cargo locate-project --workspace} in the sandbox (offline, read-only); refused when it
     * is not a regular file inside {@code sourceRoot} (a symlink would let cargo write where it points).
     */
    private Path lockFile(String project, Path sourceRoot, Path manifest) throws FetchRefused {
        SandboxResult r = sandbox.run(SandboxCommand.of(List.of(toolchain.cargo().toString(), "locate-project",
                        "--workspace", "--message-format", "plain", "--offline", "--manifest-path",
                        manifest.toString()))
                .neutralWorkDir().readOnly(toolchain.readOnlyPaths()).readOnly(sourceRoot)
                .env(toolchain.environment()).limits(fetchLimits.withWallTime(Duration.ofMinutes(1))).build());
        if (!r.ok()) {
            throw new FetchRefused(r.toFailure(project, STAGE, FailureClass.FETCH_FAIL,
                    "cargo locate-project " + manifest));
        }
        String line = r.log().strip().lines().reduce((a, b) -> b).orElse("");
        try {
            Path rootManifest = Path.of(line);
            Path root = sourceRoot.toRealPath();
            Path lock = rootManifest.resolveSibling("Cargo.lock");
            if (!rootManifest.isAbsolute() || !lock.getParent().toRealPath().startsWith(root)) {
                throw new FetchRefused(new Failure(project, STAGE, FailureClass.FETCH_FAIL,
                        "the workspace root of " + manifest + " is outside the source: " + line));
            }
            if (!Files.exists(lock, LinkOption.NOFOLLOW_LINKS)) {
                Files.createFile(lock);
            } else if (!Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS)) {
                throw new FetchRefused(new Failure(project, STAGE, FailureClass.FETCH_FAIL,
                        "Cargo.lock is not a regular file (a symlink?): " + lock));
            }
            return lock;
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new FetchRefused(new Failure(project, STAGE, FailureClass.FETCH_FAIL,
                    "cannot prepare Cargo.lock of " + manifest + ": " + e.getMessage()));
        }
    }

    /** The parts of the cargo home a fetch writes (created when missing): registry, git, and cargo's locks. */
    private List<Path> downloadCache() throws IOException {
        Path home = Files.createDirectories(toolchain.cargoHome());
        List<Path> out = new ArrayList<>();
        for (String d : List.of("registry", "git")) {
            out.add(Files.createDirectories(home.resolve(d)));
        }
        for (String f : List.of(".package-cache", ".package-cache-mutate", ".global-cache")) {
            Path p = home.resolve(f);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                Files.createFile(p);
            }
            out.add(p);
        }
        return out;
    }

    /** A fetch that cannot start safely; carries its failure record. */
    private static final class FetchRefused extends Exception {
        private final transient Failure failure;

        FetchRefused(Failure failure) {
            super(failure.message(), null, false, false);
            this.failure = failure;
        }
    }

    /**
     * Builds one variant offline in the sandbox.
     *
     * @param sourceRoot  the checkout (or rewritten copy), bound read-only; holds the workspace root
     * @param crateDir    the crate inside it (named by {@code --manifest-path}; cargo runs from an empty directory so
     *                    the corpus's {@code .cargo/config.toml} is not read)
     * @param targetDir   this variant's private target directory (created, bound writable)
     * @param variant     which variant: decides the extra RUSTFLAGS
     * @param cargoArgs   the cargo subcommand and selection, e.g. {@code build --release --example x}
     * @param sharedFlags RUSTFLAGS shared by all variants (the manifest's {@code bench.rustflags})
     */
    public BuildResult build(Path sourceRoot, Path crateDir, Path targetDir, Variant variant, List<String> cargoArgs,
                             String sharedFlags, Limits limits) {
        try {
            Files.createDirectories(targetDir);
        } catch (IOException e) {
            return new BuildResult(variant, new SandboxResult(SandboxResult.Outcome.SANDBOX_ERROR, -1,
                    Duration.ZERO, "", false, "cannot create " + targetDir + ": " + e.getMessage()),
                    List.of());
        }
        List<String> argv = new ArrayList<>();
        argv.add(toolchain.cargo().toString());
        argv.addAll(cargoArguments(cargoArgs, crateDir));
        SandboxCommand cmd = SandboxCommand.of(argv)
                .neutralWorkDir()
                .readOnly(toolchain.readOnlyPaths())
                .readOnly(sourceRoot)
                .writable(targetDir)
                .env(toolchain.environment())
                .env(Map.of("CARGO_TARGET_DIR", targetDir.toString(), "RUSTFLAGS", variant.rustflags(sharedFlags)))
                .limits(limits)
                .build();
        SandboxResult r = sandbox.run(cmd);
        return new BuildResult(variant, r, executables(r.log()));
    }

    /**
     * The cargo arguments of a build: the bench command's own, with {@code --manifest-path} naming the crate
     * (a relative one of the command resolved against the crate), {@code --offline} unless the command says
     * {@code --offline} or {@code --frozen} already, and JSON messages (replacing the command's format).
     */
    static List<String> cargoArguments(List<String> cargoArgs, Path crateDir) {
        List<String> out = new ArrayList<>();
        boolean manifest = false;
        boolean offline = false;
        for (int i = 0; i < cargoArgs.size(); i++) {
            String a = cargoArgs.get(i);
            if (a.equals("--manifest-path") && i + 1 < cargoArgs.size()) {
                out.addAll(List.of(a, crateDir.resolve(cargoArgs.get(++i)).normalize().toString()));
                manifest = true;
            } else if (a.startsWith("--manifest-path=")) {
                out.add("--manifest-path=" + crateDir.resolve(a.substring(a.indexOf('=') + 1)).normalize());
                manifest = true;
            } else if (a.equals("--message-format") && i + 1 < cargoArgs.size()) {
                i++; // ours replaces it: the executables are read from JSON messages
            } else if (!a.startsWith("--message-format=")) {
                offline |= OFFLINE_FLAGS.contains(a);
                out.add(a);
            }
        }
        if (!manifest) {
            out.addAll(List.of("--manifest-path", crateDir.resolve("Cargo.toml").toString()));
        }
        if (!offline) {
            out.add("--offline");
        }
        out.add("--message-format=json");
        return out;
    }

    /** Executables named by cargo's JSON messages, build scripts excluded (lines of other text are skipped). */
    static List<Path> executables(String log) {
        List<Path> out = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (!line.startsWith("{\"reason\":\"compiler-artifact\"")) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(line);
                JsonNode exe = n.get("executable");
                boolean buildScript = n.path("target").path("kind").toString().contains("custom-build");
                if (exe != null && !exe.isNull() && !buildScript) {
                    out.add(Path.of(exe.asText()));
                }
            } catch (IOException e) {
                // a truncated line at the log cap: skip it
            }
        }
        return out;
    }
}
