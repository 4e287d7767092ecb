package io.loopscout.runner.translate;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.core.FileTrees;
import io.loopscout.runner.build.BuildResult;
import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.Variant;
import io.loopscout.runner.sandbox.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the bench driver ({@code bench/main.rs} with the recipe's {@link CHarness} codec) once per
 * {@link CVariant}, each in its own directory ({@code backend/} with the library, {@code cbench/} with the
 * driver, {@code target/}): the C library compiled with {@code cc -O2}, a private copy of the c2rust translation
 * (A, A', R, B, F, D), or the Rust port from crates.io.
 */
final class BenchDriverBuilds {

    static final String STAGE = "measure";
    private static final String DRIVER = "/io/loopscout/runner/translate/bench/main.rs";
    private static final String NAME = "cbench";

    private final CargoBuild cargo;
    private final CommandRunner runner;

    BenchDriverBuilds(CargoBuild cargo, CommandRunner runner) {
        this.cargo = cargo;
        this.runner = runner;
    }

    /** A built driver binary, or the failure that stopped it. */
    record Built(CVariant variant, Path dir, Path binary, Failure failure) {
        boolean ok() {
            return failure == null;
        }
    }

    /** Makes {@code dir/backend} the C library compiled with {@code cc -O2} and linked statically. */
    Failure prepareC(CTranslationRecipe recipe, Path cDir, Path dir) throws IOException, InterruptedException {
        Path backend = Files.createDirectories(dir.resolve("backend"));
        Path obj = Files.createDirectories(backend.resolve("obj"));
        List<Path> objects = new ArrayList<>();
        for (String source : recipe.sources()) {
            Path o = obj.resolve(source.replace('/', '_').replaceAll("\\.c$", ".o"));
            List<String> argv = new ArrayList<>(List.of("cc", "-O2", "-g", "-fPIC"));
            recipe.defines().forEach(d -> argv.add("-D" + d));
            argv.addAll(List.of("-I" + cDir, "-c", cDir.resolve(source).toString(), "-o", o.toString()));
            CommandResult r = runner.run(new Command(argv, cDir, Map.of(), Duration.ofMinutes(5), List.of(cDir),
                    List.of(obj)));
            if (!r.ok()) {
                return new Failure(recipe.project(), STAGE, FailureClass.BUILD_FAIL, "cc " + source + ": " + r.tail(400));
            }
            objects.add(o);
        }
        List<String> ar = new ArrayList<>(List.of("ar", "rcs", backend.resolve("libloopscout_c.a").toString()));
        objects.forEach(o -> ar.add(o.toString()));
        CommandResult r = runner.run(new Command(ar, backend, Map.of(), Duration.ofMinutes(1)));
        if (!r.ok()) {
            return new Failure(recipe.project(), STAGE, FailureClass.BUILD_FAIL, "ar: " + r.tail(400));
        }
        Files.writeString(backend.resolve("Cargo.toml"), """
                [package]
                name = "loopscout-c-library"
                version = "0.0.0"
                edition = "2021"
                build = "build.rs"
                links = "loopscout_c"

                [lib]
                path = "lib.rs"
                """);
        Files.writeString(backend.resolve("lib.rs"), "//! The C library, compiled by loopscout outside cargo; only linked here.\n");
        Files.writeString(backend.resolve("build.rs"), "fn main() {\n"
                + "    let dir = std::path::Path::new(env!(\"CARGO_MANIFEST_DIR\"));\n"
                + "    println!(\"cargo:rustc-link-search=native={}\", dir.display());\n"
                + "    println!(\"cargo:rustc-link-lib=static=loopscout_c\");\n}\n");
        return null;
    }

    /** Makes {@code dir/backend} a private copy of the translated crate (each variant builds its own copy). */
    void prepareTranslation(Path translation, Path dir) throws IOException {
        FileTrees.copy(translation, dir.resolve("backend"));
    }

    /** Writes the driver crate and builds it for {@code variant}; the Rust port is fetched first. */
    Built build(CTranslationRecipe recipe, CVariant variant, Path dir) throws IOException {
        Path driver = Files.createDirectories(dir.resolve(NAME));
        Files.createDirectories(driver.resolve("src"));
        copyResource(DRIVER, driver.resolve("src/main.rs"));
        copyResource(recipe.harness().codecResource(), driver.resolve("src/codec.rs"));
        String dependency;
        List<String> features = new ArrayList<>();
        if (variant == CVariant.RUST_PORT) {
            dependency = "backend = { package = \"" + recipe.rustPort() + "\", version = \"=" + recipe.rustPortVersion()
                    + "\", features = [" + String.join(", ", recipe.rustPortFeatures().stream()
                    .map(f -> "\"" + f + "\"").toList()) + "] }";
        } else {
            dependency = "backend = { path = \"../backend\", package = \"" + packageName(dir.resolve("backend")) + "\" }";
            features.addAll(recipe.harness().translationFeatures());
        }
        StringBuilder declared = new StringBuilder();
        recipe.harness().translationFeatures().forEach(f -> declared.append(f).append(" = []\n"));
        Files.writeString(driver.resolve("Cargo.toml"), "[package]\nname = \"" + NAME + "\"\nversion = \"0.0.0\"\n"
                + "edition = \"2021\"\n\n[workspace]\n\n[dependencies]\n" + dependency + "\n\n[features]\n"
                + declared + "\n"
                // Same profile for every Rust variant; line tables let callgrind_annotate name source lines.
                + "[profile.release]\ncodegen-units = 1\ndebug = \"line-tables-only\"\n");
        // Writes Cargo.lock (the sandboxed build sees the driver read-only); downloads only the Rust port.
        // The variant dir is the source root: the driver's path dependency ../backend must be visible to cargo.
        Failure fetched = cargo.fetch(recipe.project(), dir, driver);
        if (fetched != null) {
            return new Built(variant, dir, null, fetched);
        }
        List<String> args = new ArrayList<>(List.of("build", "--release"));
        if (!features.isEmpty()) {
            args.addAll(List.of("--features", String.join(",", features)));
        }
        BuildResult r = cargo.build(dir, driver, dir.resolve("target"), cargoVariant(variant), args,
                variant == CVariant.B_FLAG ? Variant.D.rustflags() : "", Limits.build());
        if (!r.ok()) {
            return new Built(variant, dir, null, new Failure(recipe.project(), STAGE, FailureClass.BUILD_FAIL,
                    variant.label() + ": " + tail(r.result().log() + " " + r.result().detail(), 600)));
        }
        Path binary = dir.resolve("target/release/" + NAME);
        return new Built(variant, dir, binary, null);
    }

    private static void copyResource(String resource, Path to) throws IOException {
        try (InputStream in = BenchDriverBuilds.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The native runner's variant whose RUSTFLAGS this build uses (C, the port, R and F build like A; B_FLAG
     * like B with D's flag as the shared flags).
     */
    static Variant cargoVariant(CVariant v) {
        return switch (v) {
            case B, B_FLAG -> Variant.B;
            case D -> Variant.D;
            case A_PRIME -> Variant.A_PRIME;
            default -> Variant.A;
        };
    }

    private static String packageName(Path crate) throws IOException {
        for (String line : Files.readAllLines(crate.resolve("Cargo.toml"))) {
            String l = line.strip();
            if (l.startsWith("name") && l.contains("=")) {
                return l.substring(l.indexOf('=') + 1).strip().replace("\"", "");
            }
        }
        throw new IOException("no package name in " + crate.resolve("Cargo.toml"));
    }

    static String tail(String text, int max) {
        String t = text.strip();
        return t.length() <= max ? t : "…" + t.substring(t.length() - max);
    }
}
