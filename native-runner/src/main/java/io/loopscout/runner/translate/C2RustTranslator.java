package io.loopscout.runner.translate;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Translates C sources into a Rust crate with c2rust ({@code c2rust transpile} on a generated
 * compile_commands.json). A missing c2rust, a failing or timed-out c2rust, or an output without a crate
 * become a {@code translate-fail} (or {@code timeout}) {@link Failure}, never an exception.
 */
public final class C2RustTranslator {

    /** Environment variable naming the c2rust binary, checked before PATH. */
    public static final String C2RUST_ENV = "LOOPSCOUT_C2RUST";
    static final String STAGE = "translate";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final CommandRunner runner;
    private final Path c2rust;

    /** A translator running {@code c2rust} (null when it is not installed: every request then fails clearly). */
    public C2RustTranslator(CommandRunner runner, Path c2rust) {
        this.runner = runner;
        this.c2rust = c2rust;
    }

    /** A translator with the c2rust found by {@link #locate()}, run in {@code cargo}'s sandbox. */
    public static C2RustTranslator sandboxed(io.loopscout.runner.build.CargoBuild cargo) {
        return new C2RustTranslator(new SandboxCommandRunner(cargo.sandbox(), cargo.toolchain()),
                locate().orElse(null));
    }

    /** A translator with the c2rust found by {@link #locate()}, run as local processes. */
    public static C2RustTranslator local() {
        return new C2RustTranslator(new LocalCommandRunner(), locate().orElse(null));
    }

    /**
     * Finds c2rust: {@value #C2RUST_ENV}, then PATH, then where tools/c2rust/install.sh puts it
     * ({@code ~/.cache/loopscout/c2rust/bin}).
     */
    public static Optional<Path> locate() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv(C2RUST_ENV);
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "c2rust"));
                }
            }
        }
        candidates.add(Path.of(System.getProperty("user.home"), ".cache", "loopscout", "c2rust", "bin", "c2rust"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** Translates the request's sources into a crate at its outDir. */
    public TranslationOutcome translate(TranslationRequest req) {
        if (c2rust == null) {
            return failed(req, FailureClass.TRANSLATE_FAIL, "c2rust is not installed (set " + C2RUST_ENV
                    + ", put it on PATH, or run native-runner/tools/c2rust/install.sh)");
        }
        try {
            Files.createDirectories(req.outDir());
            // c2rust's install root holds the clang resource-dir link it was built with (install.sh).
            List<Path> reads = List.of(req.sourceDir(), c2rust.toAbsolutePath().getParent().getParent());
            List<Path> writes = List.of(req.outDir().toAbsolutePath().getParent());
            CommandResult version = runner.run(new Command(List.of(c2rust.toString(), "--version"),
                    req.sourceDir(), Map.of(), Duration.ofMinutes(1), reads, writes));
            if (!version.ok()) {
                return failed(req, FailureClass.TRANSLATE_FAIL, c2rust + " --version failed: " + version.tail(300));
            }
            Path commands = writeCompileCommands(req);
            List<String> argv = new ArrayList<>(List.of(c2rust.toString(), "transpile", "--overwrite-existing",
                    "--output-dir", req.outDir().toString()));
            if (req.binary() != null) {
                argv.addAll(List.of("--binary", req.binary()));
            } else {
                argv.add("--emit-build-files");
            }
            argv.add(commands.toString());
            // c2rust runs rustfmt inside the crate it writes, whose rust-toolchain.toml pins a nightly that is
            // not installed; RUSTUP_TOOLCHAIN takes precedence over that file.
            Map<String, String> env = Map.of("RUSTUP_TOOLCHAIN",
                    Optional.ofNullable(System.getenv("RUSTUP_TOOLCHAIN")).orElse("stable"));
            CommandResult result = runner.run(new Command(argv, req.sourceDir(), env, TIMEOUT, reads, writes));
            if (result.timedOut()) {
                return failed(req, FailureClass.TIMEOUT, "c2rust transpile exceeded " + TIMEOUT.toMinutes() + " min");
            }
            if (!result.ok()) {
                return failed(req, FailureClass.TRANSLATE_FAIL,
                        "c2rust transpile exited " + result.exitCode() + ": " + result.tail(500));
            }
            if (!Files.isRegularFile(req.outDir().resolve("Cargo.toml"))) {
                return failed(req, FailureClass.TRANSLATE_FAIL, "c2rust transpile wrote no Cargo.toml in "
                        + req.outDir() + ": " + result.tail(300));
            }
            return new TranslationOutcome.Translated(req.outDir(), rustFiles(req.outDir()),
                    version.stdout().strip(), adaptToStableToolchain(req.outDir()));
        } catch (IOException | UncheckedIOException e) {
            return failed(req, FailureClass.TRANSLATE_FAIL, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(req, FailureClass.TRANSLATE_FAIL, "interrupted");
        }
    }

    /**
     * c2rust pins the nightly it was tested with (rust-toolchain.toml); loopscout builds every variant with the
     * one stable rustc and {@code RUSTC_BOOTSTRAP=1} instead, so the pin goes.
     */
    private static List<String> adaptToStableToolchain(Path crate) throws IOException {
        List<String> notes = new ArrayList<>();
        for (String name : List.of("rust-toolchain.toml", "rust-toolchain")) {
            Path pin = crate.resolve(name);
            if (Files.exists(pin)) {
                String channel = Files.readString(pin).lines().filter(l -> l.strip().startsWith("channel"))
                        .findFirst().orElse("").strip();
                Files.delete(pin);
                notes.add("removed " + name + " (" + channel + "): built with the stable rustc and RUSTC_BOOTSTRAP=1");
            }
        }
        return notes;
    }

    /** compile_commands.json beside the output crate (the source tree may be read-only). */
    private static Path writeCompileCommands(TranslationRequest req) throws IOException {
        Path dir = req.outDir().resolveSibling(req.outDir().getFileName() + ".compile-commands");
        Files.createDirectories(dir);
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < req.sources().size(); i++) {
            Path file = req.sourceDir().resolve(req.sources().get(i)).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new IOException("C source not found: " + file);
            }
            List<String> args = new ArrayList<>(List.of("cc", "-c"));
            args.addAll(req.clangArgs());
            args.add(file.toString());
            json.append("  {\"directory\": ").append(jsonString(req.sourceDir().toAbsolutePath().toString()))
                    .append(", \"file\": ").append(jsonString(file.toString())).append(", \"arguments\": [");
            for (int a = 0; a < args.size(); a++) {
                json.append(a == 0 ? "" : ", ").append(jsonString(args.get(a)));
            }
            json.append("]}").append(i + 1 < req.sources().size() ? ",\n" : "\n");
        }
        json.append("]\n");
        Path file = dir.resolve("compile_commands.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static List<Path> rustFiles(Path crate) throws IOException {
        try (Stream<Path> files = Files.walk(crate)) {
            return files.filter(p -> p.toString().endsWith(".rs") && !p.startsWith(crate.resolve("target")))
                    .map(crate::relativize).sorted().toList();
        }
    }

    private static TranslationOutcome failed(TranslationRequest req, FailureClass cls, String message) {
        return new TranslationOutcome.Failed(new Failure(req.project(), STAGE, cls, message));
    }
}
