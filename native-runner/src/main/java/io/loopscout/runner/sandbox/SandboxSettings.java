package io.loopscout.runner.sandbox;

import java.io.Serializable;
import java.time.Duration;

/**
 * What the user chose for the sandbox on the command line: the mode (strict, or the opt-in weak
 * {@code unshare -n}), the bubblewrap binary, the wall-time limit of one build and the write quota of one build
 * or run. Serializable so it travels in the pipeline's options.
 *
 * @param mode      strict (bwrap or refuse) or weak (bwrap, else unshare -n)
 * @param bwrap     the bubblewrap binary (a name looked up on PATH, or a path)
 * @param buildTime wall-time limit of one build (default 15 min)
 * @param diskBytes write quota of one build or benchmark run (default 2 GiB)
 */
public record SandboxSettings(Sandbox.Mode mode, String bwrap, Duration buildTime, long diskBytes)
        implements Serializable {

    public SandboxSettings {
        if (buildTime.isNegative() || buildTime.isZero() || diskBytes <= 0) {
            throw new IllegalArgumentException("the build time limit and the disk quota must be positive");
        }
        if (bwrap == null || bwrap.isBlank()) {
            throw new IllegalArgumentException("no bwrap binary named");
        }
    }

    /** The defaults: strict, bwrap on PATH, 15 min per build, 2 GiB of writes. */
    public static SandboxSettings standard() {
        return new SandboxSettings(Sandbox.Mode.STRICT, Sandbox.BWRAP, Limits.build().wallTime(), Limits.DISK_QUOTA);
    }

    /** The sandbox these settings allow on this machine (refusing every command when none is acceptable). */
    public Sandbox detect() {
        return Sandbox.detect(mode, bwrap);
    }

    /** The limits of one build: the defaults with this build time and write quota. */
    public Limits buildLimits() {
        return Limits.build().withWallTime(buildTime).withDiskBytes(diskBytes);
    }

    /** The limits of one benchmark run: the defaults with this write quota. */
    public Limits runLimits(Limits base) {
        return base.withDiskBytes(diskBytes);
    }
}
