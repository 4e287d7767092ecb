package io.loopscout.runner.build;

import io.loopscout.core.FileTrees;
import io.loopscout.manifest.BenchSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract of loopscout's benchmark drivers (corpus-manifest/benches/README.md): a driver crate is copied
 * per variant with {@value BenchSpec#CRATE_PLACEHOLDER} in its Cargo.toml replaced by a copy of the crate measured
 * (the original or its rewrite), next to the sibling crates it names by {@code path = "../X"}; a run prints
 * {@code LOOPSCOUT_CHECKSUM=<hex>} (what the workload computed, equal across variants) and the harness time; its
 * workload runs inside the unmangled function {@value #WORKLOAD_FUNCTION}, which callgrind counts alone, for
 * {@value #COUNTED_ITERATIONS} iteration ({@value #ITERATIONS_ENV}).
 */
public final class DriverCrate {
    /** The function that encloses a driver's timed workload (callgrind's {@code --toggle-collect}). */
    public static final String WORKLOAD_FUNCTION = "loopscout_workload";
    /**
     * The environment variable that replaces a driver's iteration count: its callgrind run does one iteration
     * (every iteration does the same work, so the instruction ratios are those of the timed runs, at a fraction
     * of valgrind's time).
     */
    public static final String ITERATIONS_ENV = "LOOPSCOUT_ITERATIONS";
    /** The iterations callgrind counts of a driver's workload. */
    public static final int COUNTED_ITERATIONS = 1;
    /** The line a driver prints with the checksum of its workload's output. */
    public static final String CHECKSUM_MARKER = "LOOPSCOUT_CHECKSUM=";
    private static final Pattern SIBLING = Pattern.compile("path\\s*=\\s*\"\\.\\./([A-Za-z0-9_][A-Za-z0-9_.-]*)\"");
    private static final Pattern CHECKSUM = Pattern.compile("(?m)^" + CHECKSUM_MARKER + "([0-9A-Za-z]+)\\s*$");

    private DriverCrate() {
    }

    /**
     * Lays out one variant's driver build in {@code dest}, afresh: the project's source tree (its workspace root
     * {@code sourceRoot}, which holds {@code crate}) copied to {@code dest/source}, and {@code driver} with its
     * siblings named by {@code path = "../X"} copied to {@code dest/benches/}, the placeholder replaced by the
     * copied crate. Everything the build and the dependency fetch read is then under {@code dest}. Returns the
     * copy of the driver.
     */
    public static Path materialize(Path driver, Path sourceRoot, Path crate, Path dest) throws IOException {
        Path cargoToml = driver.resolve("Cargo.toml");
        String manifest = Files.readString(cargoToml);
        if (!manifest.contains(BenchSpec.CRATE_PLACEHOLDER)) {
            throw new IOException(cargoToml + " does not name the measured crate as " + BenchSpec.CRATE_PLACEHOLDER);
        }
        Path root = sourceRoot.toAbsolutePath().normalize();
        Path inside = crate.toAbsolutePath().normalize();
        if (!inside.startsWith(root)) {
            throw new IOException(crate + " is not inside " + sourceRoot);
        }
        FileTrees.delete(dest);
        Path source = dest.resolve("source");
        FileTrees.copy(root, source);
        Path benches = dest.resolve("benches");
        Path copy = benches.resolve(driver.getFileName().toString());
        FileTrees.copy(driver, copy);
        for (String sibling : siblings(manifest)) {
            FileTrees.copy(driver.resolveSibling(sibling), benches.resolve(sibling));
        }
        Path crateCopy = source.resolve(root.relativize(inside).toString()).normalize();
        // TOML basic strings: a path with a quote or backslash would break out of the string
        String path = crateCopy.toString().replace("\\", "\\\\").replace("\"", "\\\"");
        Files.writeString(copy.resolve("Cargo.toml"), manifest.replace(BenchSpec.CRATE_PLACEHOLDER, path));
        Files.deleteIfExists(copy.resolve("Cargo.lock"));
        FileTrees.delete(copy.resolve("target"));
        return copy;
    }

    /** The sibling folders a driver's Cargo.toml depends on by {@code path = "../X"}. */
    static Set<String> siblings(String cargoToml) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = SIBLING.matcher(cargoToml);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The checksum a driver printed (the last one), or null when there is none. */
    public static String checksum(String log) {
        Matcher m = CHECKSUM.matcher(log);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }
}
