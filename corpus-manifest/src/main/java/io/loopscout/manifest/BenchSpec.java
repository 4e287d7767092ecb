package io.loopscout.manifest;

import java.io.Serializable;

/**
 * The project's own benchmark, which enables the {@code project} evidence tier.
 *
 * @param command   a shell command run in the project directory (inside the sandbox) for every variant
 * @param rustflags extra RUSTFLAGS shared by all variants (may be empty)
 */
public record BenchSpec(String command, String rustflags) implements Serializable {
}
