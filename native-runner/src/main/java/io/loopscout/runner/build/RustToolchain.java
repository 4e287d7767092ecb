package io.loopscout.runner.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The host's Rust toolchain as seen from inside the sandbox: the real toolchain directory (not the rustup
 * proxies, which want to write) and the cargo home with the registry that {@code cargo fetch} filled, both
 * bound read-only.
 *
 * @param sysroot   the toolchain directory ({@code rustc --print sysroot}); its bin holds cargo and rustc
 * @param cargoHome the cargo home (registry cache and sources)
 * @param version   {@code rustc --version}
 */
public record RustToolchain(Path sysroot, Path cargoHome, String version) {

    /** Finds the toolchain on PATH (through rustup when present). */
    public static RustToolchain detect() throws IOException {
        String sysroot = capture(List.of("rustc", "--print", "sysroot"));
        String version = capture(List.of("rustc", "--version"));
        String home = System.getenv("CARGO_HOME");
        Path cargoHome = home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".cargo");
        Path root = Path.of(sysroot);
        if (!Files.isExecutable(root.resolve("bin/cargo"))) {
            throw new IOException("no cargo in the toolchain at " + root);
        }
        return new RustToolchain(root, cargoHome, version);
    }

    /** The cargo binary of this toolchain. */
    public Path cargo() {
        return sysroot.resolve("bin/cargo");
    }

    /** The rustc binary of this toolchain. */
    public Path rustc() {
        return sysroot.resolve("bin/rustc");
    }

    /** Paths the sandbox binds read-only for builds. */
    public List<Path> readOnlyPaths() {
        return Files.exists(cargoHome) ? List.of(sysroot, cargoHome) : List.of(sysroot);
    }

    /**
     * The environment of a sandboxed build or run: PATH to this toolchain, the cargo home, a HOME in the
     * private /tmp, {@code RUSTC_BOOTSTRAP=1} for every variant, and offline cargo.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", sysroot.resolve("bin") + ":/usr/bin:/bin");
        env.put("CARGO_HOME", cargoHome.toString());
        env.put("HOME", "/tmp");
        env.put("RUSTC_BOOTSTRAP", "1");
        env.put("CARGO_NET_OFFLINE", "true");
        env.put("CARGO_TERM_COLOR", "never");
        env.put("CARGO_INCREMENTAL", "0");
        env.put("LANG", "C.UTF-8");
        return env;
    }

    static String capture(List<String> argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", argv) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", argv), e);
        }
        return out;
    }
}
