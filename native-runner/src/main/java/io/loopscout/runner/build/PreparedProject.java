package io.loopscout.runner.build;

import io.loopscout.runner.sandbox.SandboxCommand;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A project whose variants are built and ready to time: one sandboxed run command per variant that built.
 *
 * @param project   the project id
 * @param runs      the command of one timed run, by variant (A first)
 * @param direct    whether runs execute the benchmark binary directly (callgrind can then count it)
 * @param counted   the function callgrind counts alone (a driver's workload), or null for the whole run
 */
public record PreparedProject(String project, Map<Variant, SandboxCommand> runs, boolean direct, String counted) {
    public PreparedProject {
        runs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(runs));
    }

    /** A project whose whole runs are counted. */
    public PreparedProject(String project, Map<Variant, SandboxCommand> runs, boolean direct) {
        this(project, runs, direct, null);
    }
}
