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
 */
public record PreparedProject(String project, Map<Variant, SandboxCommand> runs, boolean direct) {
    public PreparedProject {
        runs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(runs));
    }
}
