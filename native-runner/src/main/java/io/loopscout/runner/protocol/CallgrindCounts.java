package io.loopscout.runner.protocol;

import io.loopscout.runner.sandbox.Limits;
import io.loopscout.runner.sandbox.Sandbox;
import io.loopscout.runner.sandbox.SandboxCommand;
import io.loopscout.runner.sandbox.SandboxResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Deterministic counts from {@code valgrind --tool=callgrind --branch-sim=yes}, read from its summary lines
 * ({@code Events : Ir Bc Bcm Bi Bim} and {@code Collected : ...}).
 *
 * @param instructions   Ir
 * @param branches       conditional plus indirect branches (Bc + Bi)
 * @param mispredictions simulated conditional plus indirect mispredictions (Bcm + Bim)
 */
public record CallgrindCounts(long instructions, long branches, long mispredictions) {

    /** The valgrind prefix of one callgrind run, writing no profile file. */
    public static List<String> command() {
        return List.of("valgrind", "--tool=callgrind", "--branch-sim=yes", "--callgrind-out-file=/dev/null");
    }

    /** Runs {@code run} once under callgrind in the sandbox (with {@code limits}); null when that fails. */
    public static CallgrindCounts measure(Sandbox sandbox, SandboxCommand run, Limits limits) {
        return measure(sandbox, run, limits, null);
    }

    /**
     * Like {@link #measure(Sandbox, SandboxCommand, Limits)}, counting only inside {@code function} (and what it
     * calls) when not null: a benchmark's workload without its set-up.
     */
    public static CallgrindCounts measure(Sandbox sandbox, SandboxCommand run, Limits limits, String function) {
        List<String> argv = new ArrayList<>(command());
        if (function != null) {
            argv.add("--toggle-collect=" + function);
        }
        argv.addAll(run.argv());
        SandboxResult r = sandbox.run(new SandboxCommand(argv, run.workDir(), run.readOnly(), run.writable(),
                run.env(), run.cpu(), limits));
        return r.ok() ? parse(r.log()) : null;
    }

    /** Parses the summary from a callgrind log, or null when it has none. */
    public static CallgrindCounts parse(String log) {
        List<String> events = null;
        long[] values = null;
        for (String line : log.split("\n")) {
            String l = line.replaceFirst("^==\\d+==\\s*", "");
            if (l.startsWith("Events    :") || l.startsWith("Events :")) {
                events = Arrays.asList(l.substring(l.indexOf(':') + 1).trim().split("\\s+"));
            } else if (l.startsWith("Collected :")) {
                String[] v = l.substring(l.indexOf(':') + 1).trim().split("\\s+");
                values = new long[v.length];
                try {
                    for (int i = 0; i < v.length; i++) {
                        values[i] = Long.parseLong(v[i]);
                    }
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        if (events == null || values == null || values.length != events.size()) {
            return null;
        }
        return new CallgrindCounts(get(events, values, "Ir"), get(events, values, "Bc") + get(events, values, "Bi"),
                get(events, values, "Bcm") + get(events, values, "Bim"));
    }

    private static long get(List<String> events, long[] values, String name) {
        int i = events.indexOf(name);
        return i < 0 ? 0 : values[i];
    }
}
