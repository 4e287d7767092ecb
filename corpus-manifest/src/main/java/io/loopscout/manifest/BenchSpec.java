package io.loopscout.manifest;

import java.io.Serializable;
import java.util.List;

/**
 * The project's benchmark, which enables the {@code project} evidence tier: either a command of the project's
 * own, or a benchmark driver of loopscout's (a small crate that depends on the project's crate by path, see
 * corpus-manifest/benches/README.md).
 *
 * @param command   a shell command run in the project directory (inside the sandbox) for every variant, or null
 *                  for a driver
 * @param rustflags extra RUSTFLAGS shared by all variants (may be empty)
 * @param driver    the driver crate's folder (absolute), or null for a command
 * @param args      the driver's arguments (empty for a command)
 */
public record BenchSpec(String command, String rustflags, String driver, List<String> args) implements Serializable {

    /** The placeholder in a driver's Cargo.toml that is replaced by the path of the crate measured. */
    public static final String CRATE_PLACEHOLDER = "@CRATE@";

    public BenchSpec {
        rustflags = rustflags == null ? "" : rustflags;
        args = args == null ? List.of() : List.copyOf(args);
        if ((command == null) == (driver == null)) {
            throw new IllegalArgumentException("a bench is either a command or a driver");
        }
    }

    /** A benchmark command of the project's own. */
    public BenchSpec(String command, String rustflags) {
        this(command, rustflags, null, List.of());
    }

    /** A loopscout benchmark driver in {@code driver} run with {@code args}. */
    public static BenchSpec driver(String driver, List<String> args, String rustflags) {
        return new BenchSpec(null, rustflags, driver, args);
    }

    /** Whether this is a driver of loopscout's (else the project's own command). */
    public boolean isDriver() {
        return driver != null;
    }

    /** How reports show it: the command, or the driver's folder name and arguments. */
    public String display() {
        return isDriver() ? "driver " + java.nio.file.Path.of(driver).getFileName() + (args.isEmpty() ? ""
                : " " + String.join(" ", args)) : command;
    }
}
