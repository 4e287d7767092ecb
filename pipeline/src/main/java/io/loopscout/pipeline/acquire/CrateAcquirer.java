package io.loopscout.pipeline.acquire;

import io.loopscout.core.FailureClass;
import io.loopscout.manifest.ManifestRules;
import io.loopscout.manifest.SourceSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Crates from crates.io, fetched with cargo at an exact version: a throwaway probe crate depends on
 * {@code name = "=version"}, {@code cargo fetch} downloads it into cargo's registry cache, and the published
 * tarball (which includes the C that {@code -sys} crates vendor) is unpacked into loopscout's cache once
 * {@link CrateArchive} has found only plain files and folders of the crate in it.
 */
final class CrateAcquirer implements Acquirer<SourceSpec.Crate> {

    private static final String COMPLETE = ".loopscout-complete";
    private static final long FETCH_TIMEOUT_MINUTES = 10;

    private final Path root;
    private final InputLimits limits;

    CrateAcquirer(Path root, InputLimits limits) {
        this.root = root;
        this.limits = limits;
    }

    @Override
    public synchronized String resolve(SourceSpec.Crate source) throws AcquireException {
        materialize(source, source.version());
        return source.version();
    }

    @Override
    public synchronized Path materialize(SourceSpec.Crate source, String revision) throws AcquireException {
        // crates.io's name rule and semver (ManifestRules): anything else would be spliced into the probe's TOML
        if (ManifestRules.crateName(source.name()) != null || ManifestRules.crateVersion(revision) != null) {
            throw new AcquireException(FailureClass.FETCH_FAIL, "not a crates.io crate name and exact version: '"
                    + source.name() + "' '" + revision + "'; nothing fetched");
        }
        Path dir = root.resolve(source.name() + "-" + revision);
        if (Files.exists(dir.resolve(COMPLETE))) {
            return dir;
        }
        try {
            Optional<Path> cached = findArchive(source.name(), revision);
            if (cached.isEmpty()) {
                cargoFetch(source.name(), revision);
                cached = findArchive(source.name(), revision);
            }
            Path archive = cached.orElseThrow(() -> new AcquireException(FailureClass.FETCH_FAIL, "cargo fetched "
                    + source.name() + " " + revision + " but its .crate file is not in " + registryCache()));
            return unpack(archive, source.name(), revision);
        } catch (IOException e) {
            throw new AcquireException(FailureClass.FETCH_FAIL, "cannot unpack crate " + source.name() + " "
                    + revision + ": " + e.getMessage(), e);
        }
    }

    /** Unpacks the crate archive of {@code name} {@code revision} into the cache, after checking its entries. */
    Path unpack(Path archive, String name, String revision) throws AcquireException {
        Path dir = root.resolve(name + "-" + revision);
        try {
            CrateArchive.Problem problem = CrateArchive.check(archive, limits, name + "-" + revision);
            if (problem != null) {
                throw new AcquireException(problem.failureClass(), "crate " + name + " " + revision + " ("
                        + archive.getFileName() + "): " + (problem.failureClass() == FailureClass.INPUT_CAPPED
                        ? "unpacks to " : "") + problem.message() + "; not unpacked");
            }
            Files.createDirectories(root);
            Path tmp = Files.createTempDirectory(root, ".unpack-");
            try {
                run(List.of("tar", "--no-same-owner", "--no-same-permissions", "-xzf", archive.toString(), "-C",
                        tmp.toString()), tmp, 5, "unpack " + archive.getFileName());
            } catch (AcquireException | IOException e) {
                io.loopscout.core.FileTrees.deleteQuietly(tmp);
                throw e;
            }
            Path unpacked;
            try (Stream<Path> s = Files.list(tmp)) {
                unpacked = s.filter(Files::isDirectory).findFirst().orElseThrow(() -> new AcquireException(
                        FailureClass.FETCH_FAIL, archive + " holds no crate directory"));
            }
            Files.writeString(unpacked.resolve(COMPLETE), revision + "\n");
            Files.move(unpacked, dir, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(tmp);
            return dir;
        } catch (IOException e) {
            throw new AcquireException(FailureClass.FETCH_FAIL, "cannot unpack crate " + name + " "
                    + revision + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code cargo fetch} on the host, for a probe crate of our own writing: safe without the sandbox because
     * no corpus code runs. The probe names only the checked crate name and version; cargo reads configuration from
     * the probe's directory upward (loopscout's cache and the user's own), never from a corpus directory; and a
     * fetch downloads and checks archives against the registry index without building anything (no build script,
     * no proc macro). The archive is then unpacked by {@code tar} after its sizes are checked.
     */
    private void cargoFetch(String name, String version) throws AcquireException, IOException {
        Path probe = root.resolve(".probe").resolve(name + "-" + version);
        Files.createDirectories(probe);
        Files.writeString(probe.resolve("Cargo.toml"), """
                [package]
                name = "loopscout-probe"
                version = "0.0.0"
                edition = "2021"
                publish = false

                [lib]
                path = "lib.rs"

                [dependencies]
                %s = "=%s"
                """.formatted(name, version), StandardCharsets.UTF_8);
        Files.writeString(probe.resolve("lib.rs"), "");
        run(List.of("cargo", "fetch", "--quiet"), probe, FETCH_TIMEOUT_MINUTES, "cargo fetch " + name + " " + version);
    }

    private static void run(List<String> command, Path dir, long timeoutMinutes, String what)
            throws AcquireException, IOException {
        Path log = Files.createTempFile("loopscout-acquire", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AcquireException(FailureClass.TIMEOUT, what + " took longer than " + timeoutMinutes + " min");
            }
            if (p.exitValue() != 0) {
                throw new AcquireException(FailureClass.FETCH_FAIL, what + " failed: " + firstError(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AcquireException(FailureClass.FETCH_FAIL, what + " interrupted", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The most telling line of a tool's output: the first error line, else the last line. */
    private static String firstError(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        return lines.stream().filter(l -> l.startsWith("error")).findFirst()
                .orElse(lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1));
    }

    private static Path registryCache() {
        String home = System.getenv("CARGO_HOME");
        Path cargoHome = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"),
                ".cargo");
        return cargoHome.resolve("registry").resolve("cache");
    }

    private static Optional<Path> findArchive(String name, String version) throws IOException {
        Path cache = registryCache();
        if (!Files.isDirectory(cache)) {
            return Optional.empty();
        }
        List<String> names = List.of(name + "-" + version + ".crate", name.replace('-', '_') + "-" + version + ".crate",
                name.replace('_', '-') + "-" + version + ".crate");
        try (Stream<Path> indexes = Files.list(cache)) {
            for (Path index : indexes.toList()) {
                for (String n : names) {
                    Path candidate = index.resolve(n);
                    if (Files.isRegularFile(candidate)) {
                        return Optional.of(candidate);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
