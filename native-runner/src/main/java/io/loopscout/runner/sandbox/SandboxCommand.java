package io.loopscout.runner.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command to run in the sandbox. Paths keep their host names inside the sandbox; only the listed ones
 * exist there (besides the system directories), read-only unless listed as writable. {@code /tmp} is private.
 *
 * @param argv     the program and its arguments
 * @param workDir  the working directory (must be one of the bound paths or below one), or null for an empty
 *                 private directory (so no {@code .cargo/config.toml} of a corpus is found above it)
 * @param readOnly directories visible read-only (source, toolchain, registry)
 * @param writable directories visible read-write (a private target dir)
 * @param env      the whole environment (nothing is inherited; PATH must be set by the caller)
 * @param cpu      the CPU to pin to with taskset, or null
 * @param limits   resource limits
 * @param network  whether the command may use the host's network (only {@code cargo fetch}, which runs no
 *                 corpus code; everything else runs without)
 */
public record SandboxCommand(List<String> argv, Path workDir, List<Path> readOnly, List<Path> writable,
                             Map<String, String> env, Integer cpu, Limits limits, boolean network) {

    public SandboxCommand {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        argv = List.copyOf(argv);
        readOnly = List.copyOf(readOnly);
        writable = List.copyOf(writable);
        env = Map.copyOf(env);
    }

    /** A command without network. */
    public SandboxCommand(List<String> argv, Path workDir, List<Path> readOnly, List<Path> writable,
                          Map<String, String> env, Integer cpu, Limits limits) {
        this(argv, workDir, readOnly, writable, env, cpu, limits, false);
    }

    /** A builder for {@code argv} with bench limits and no binds. */
    public static Builder of(List<String> argv) {
        return new Builder(argv);
    }

    /** Fluent builder. */
    public static final class Builder {
        private final List<String> argv;
        private Path workDir = Path.of("/tmp");
        private final List<Path> readOnly = new ArrayList<>();
        private final List<Path> writable = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private Integer cpu;
        private Limits limits = Limits.bench();
        private boolean network;

        private Builder(List<String> argv) {
            this.argv = List.copyOf(argv);
        }

        public Builder workDir(Path p) { workDir = p; return this; }
        /** Runs in an empty private directory: nothing the corpus wrote is above it. */
        public Builder neutralWorkDir() { workDir = null; return this; }
        /** Lets the command use the network (the dependency fetch only). */
        public Builder network(boolean on) { network = on; return this; }
        public Builder readOnly(Path p) { readOnly.add(p); return this; }
        public Builder readOnly(List<Path> ps) { readOnly.addAll(ps); return this; }
        public Builder writable(Path p) { writable.add(p); return this; }
        public Builder env(String k, String v) { env.put(k, v); return this; }
        public Builder env(Map<String, String> m) { env.putAll(m); return this; }
        public Builder cpu(Integer c) { cpu = c; return this; }
        public Builder limits(Limits l) { limits = l; return this; }

        /** The command. */
        public SandboxCommand build() {
            return new SandboxCommand(argv, workDir, readOnly, writable, env, cpu, limits, network);
        }
    }
}
