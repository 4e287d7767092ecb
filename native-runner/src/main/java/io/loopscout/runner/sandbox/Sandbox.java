package io.loopscout.runner.sandbox;

import io.loopscout.runner.sandbox.SandboxResult.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The one way loopscout runs code from a corpus: no network, read-only source, private writable target and
 * {@code /tmp}, wall-time and no-output limits, memory and process limits, a capped log
 * (shared/measurement.md, sandbox). {@code bwrap --unshare-all} when it works here, else {@code unshare -n}
 * plus {@code prlimit}; {@link #method()} says which, for run.json. {@link #run} never throws.
 */
public final class Sandbox {

    /** How commands are isolated. */
    public enum Isolation {
        /** bubblewrap: own network, pid, ipc, uts namespaces; only listed paths visible. */
        BWRAP,
        /** unshare -n: own network namespace only; the file system is the host's. */
        UNSHARE_NET,
        /** Nothing works: every command is refused. */
        NONE
    }

    /** System directories bound read-only into bwrap (symlinks are recreated as symlinks). */
    private static final List<String> SYSTEM_DIRS = List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64",
            "/libx32", "/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d",
            "/etc/passwd", "/etc/group", "/etc/nsswitch.conf", "/etc/hosts", "/etc/ssl", "/etc/localtime");

    private static final Pattern OOM_LOG = Pattern.compile(
            "memory allocation of \\d+ bytes failed|Cannot allocate memory|out of memory|std::bad_alloc",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NETWORK_LOG = Pattern.compile(
            "Network is unreachable|os error 101|failed to lookup address|Temporary failure in name resolution"
                    + "|Name or service not known|Could not resolve host|os error 99|Cannot assign requested address");
    private static final Pattern WRITE_LOG = Pattern.compile("Read-only file system|os error 30");
    private static final Pattern FORK_LOG = Pattern.compile(
            "Resource temporarily unavailable|os error 11\\b|fork: retry|Cannot fork");

    /** Printed by the wrapper when a command cannot join its cgroup. */
    private static final String JOIN_FAILED = "loopscout-sandbox: cannot join the cgroup";

    private final Isolation isolation;
    private final Cgroups cgroups;
    private final String bwrapVersion;
    private final boolean rootless;

    private Sandbox(Isolation isolation, Cgroups cgroups, String bwrapVersion, boolean rootless) {
        this.isolation = isolation;
        this.cgroups = cgroups;
        this.bwrapVersion = bwrapVersion;
        this.rootless = rootless;
    }

    /** The strongest sandbox this machine allows (probes bwrap, then unshare). */
    public static Sandbox detect() {
        return detect(true);
    }

    /** Like {@link #detect()}; without cgroups, memory and process limits fall back to prlimit. */
    public static Sandbox detect(boolean useCgroups) {
        Cgroups cg = useCgroups ? Cgroups.detect() : null;
        boolean rootless = !"root".equals(System.getProperty("user.name"));
        if (probe(List.of("bwrap", "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "true"))) {
            return new Sandbox(Isolation.BWRAP, cg, version(), rootless);
        }
        return unshareOnly(cg, rootless);
    }

    /** The fallback sandbox ({@code unshare -n} + {@code prlimit}), even where bwrap works; for tests. */
    public static Sandbox unshareFallback() {
        return unshareOnly(Cgroups.detect(), !"root".equals(System.getProperty("user.name")));
    }

    private static Sandbox unshareOnly(Cgroups cg, boolean rootless) {
        List<String> probe = new ArrayList<>(List.of("unshare", "-n"));
        if (rootless) {
            probe.add("-r");
        }
        probe.add("true");
        return new Sandbox(probe(probe) ? Isolation.UNSHARE_NET : Isolation.NONE, cg, "", rootless);
    }

    /** The isolation in use. */
    public Isolation isolation() {
        return isolation;
    }

    /**
     * Whether the process-count limit holds: always under cgroups; under prlimit only for a non-root user,
     * since the kernel exempts uid 0 from RLIMIT_NPROC.
     */
    public boolean enforcesProcessLimit() {
        return isolation != Isolation.NONE && (cgroups != null || rootless);
    }

    /** One line for run.json: isolation and how limits are enforced. */
    public String method() {
        String iso = switch (isolation) {
            case BWRAP -> "bwrap " + bwrapVersion + " --unshare-all (no network, only listed paths, read-only "
                    + "source, private /tmp)";
            case UNSHARE_NET -> "unshare -n (no network; file system NOT isolated: source is not read-only)";
            case NONE -> "none available: every command is refused";
        };
        String lim = cgroups != null ? cgroups.describe()
                : "prlimit --as/--nproc" + (rootless ? "" : " (--nproc is not enforced for uid 0)");
        return iso + "; limits: " + lim + ", wall time, no-output watchdog, 5 MB log";
    }

    /** Runs one command; every outcome, including the sandbox's own trouble, is a result. */
    public SandboxResult run(SandboxCommand cmd) {
        if (isolation == Isolation.NONE) {
            return error("no sandbox available (neither bwrap nor unshare -n works here)");
        }
        for (Path p : concat(cmd.readOnly(), cmd.writable())) {
            if (!Files.exists(p)) {
                return error("path to bind does not exist: " + p);
            }
        }
        Cgroups.Group group = null;
        try {
            if (cgroups != null) {
                group = cgroups.create(cmd.limits().memoryBytes(), cmd.limits().maxProcesses());
            }
            return execute(cmd, group);
        } catch (IOException e) {
            return error("cannot start: " + e.getMessage());
        } finally {
            if (group != null) {
                group.close();
            }
        }
    }

    private SandboxResult execute(SandboxCommand cmd, Cgroups.Group group) throws IOException {
        Limits lim = cmd.limits();
        List<String> argv = new ArrayList<>();
        if (group != null) {
            // join the group first, then exec, so every descendant is counted from the start
            StringBuilder script = new StringBuilder();
            List<Path> files = group.procsFiles();
            for (int i = 0; i < files.size(); i++) {
                script.append("echo $$ > \"$").append(i + 1).append("\" || { echo '").append(JOIN_FAILED)
                        .append("' >&2; exit 125; }; ");
            }
            script.append("shift ").append(files.size()).append("; exec \"$@\"");
            argv.addAll(List.of("/bin/sh", "-c", script.toString(), "loopscout-sandbox"));
            files.forEach(f -> argv.add(f.toString()));
        }
        if (cmd.cpu() != null) {
            argv.addAll(List.of("taskset", "-c", Integer.toString(cmd.cpu())));
        }
        argv.addAll(List.of("prlimit", "--core=0"));
        if (group == null) {
            argv.add("--as=" + lim.memoryBytes());
            argv.add("--nproc=" + lim.maxProcesses());
        }
        argv.add("--");
        if (isolation == Isolation.BWRAP) {
            argv.addAll(bwrapArgs(cmd));
        } else {
            argv.addAll(List.of("unshare", "-n"));
            if (rootless) {
                argv.add("-r");
            }
            argv.add("--");
        }
        argv.addAll(cmd.argv());

        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(cmd.env());
        pb.environment().putIfAbsent("PATH", "/usr/bin:/bin");
        pb.directory(isolation == Isolation.BWRAP ? null : cmd.workDir().toFile());
        CappedLog log = new CappedLog(lim.logCapBytes());
        AtomicLong lastOutput = new AtomicLong(System.nanoTime());
        long start = System.nanoTime();
        Process proc = pb.start();
        proc.getOutputStream().close();
        Thread reader = new Thread(() -> pump(proc.getInputStream(), log, lastOutput), "sandbox-log");
        reader.setDaemon(true);
        reader.start();

        Outcome killedFor = null;
        try {
            while (!proc.waitFor(50, TimeUnit.MILLISECONDS)) {
                long now = System.nanoTime();
                if (now - start > lim.wallTime().toNanos()) {
                    killedFor = Outcome.TIMEOUT;
                } else if (now - lastOutput.get() > lim.idleTimeout().toNanos()) {
                    killedFor = Outcome.SILENT_TIMEOUT;
                }
                if (killedFor != null) {
                    kill(proc, group);
                    proc.waitFor(10, TimeUnit.SECONDS);
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(proc, group);
            return error("interrupted");
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        if (group != null) {
            group.killAll(); // stragglers that outlived the main process keep the log pipe open
        }
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int exit = proc.isAlive() ? -1 : proc.exitValue();
        String text = log.text();
        SandboxResult r = classify(killedFor, exit, wall, text, log.truncated(), group, lim);
        Long cpu = group == null ? null : group.cpuNanos();
        return cpu == null ? r : new SandboxResult(r.outcome(), r.exitCode(), r.wall(), r.log(), r.logTruncated(),
                r.detail(), Duration.ofNanos(cpu));
    }

    private static SandboxResult classify(Outcome killedFor, int exit, Duration wall, String log, boolean truncated,
                                          Cgroups.Group group, Limits lim) {
        if (killedFor == Outcome.TIMEOUT) {
            return new SandboxResult(killedFor, exit, wall, log, truncated,
                    "killed at the wall-time limit of " + human(lim.wallTime()));
        }
        if (killedFor == Outcome.SILENT_TIMEOUT) {
            return new SandboxResult(killedFor, exit, wall, log, truncated,
                    "killed after " + human(lim.idleTimeout()) + " without output");
        }
        if (exit == 0) {
            return new SandboxResult(Outcome.OK, 0, wall, log, truncated, "");
        }
        String code = exit > 128 ? "killed by signal " + (exit - 128) : "exit status " + exit;
        boolean oom = group != null ? group.oomKilled() || (group.memoryLimitHit() && exit == 137)
                : false;
        if (oom || OOM_LOG.matcher(log).find()) {
            return new SandboxResult(Outcome.OOM, exit, wall, log, truncated,
                    "out of memory at the limit of " + (lim.memoryBytes() >> 20) + " MB (" + code + ")");
        }
        if ((group != null && group.processLimitHit()) || FORK_LOG.matcher(log).find()) {
            return new SandboxResult(Outcome.PROCESS_LIMIT, exit, wall, log, truncated,
                    "stopped at the process limit of " + lim.maxProcesses() + " (" + code + ")");
        }
        if (log.startsWith("bwrap:") || log.contains(JOIN_FAILED)) {
            return new SandboxResult(Outcome.SANDBOX_ERROR, exit, wall, log, truncated,
                    "the sandbox could not start the command (" + code + ")");
        }
        if (NETWORK_LOG.matcher(log).find()) {
            return new SandboxResult(Outcome.NETWORK_BLOCKED, exit, wall, log, truncated,
                    "network access blocked by the sandbox (" + code + ")");
        }
        if (WRITE_LOG.matcher(log).find()) {
            return new SandboxResult(Outcome.WRITE_REFUSED, exit, wall, log, truncated,
                    "write outside the writable directories refused (" + code + ")");
        }
        return new SandboxResult(Outcome.FAILED, exit, wall, log, truncated, code);
    }

    private List<String> bwrapArgs(SandboxCommand cmd) {
        List<String> a = new ArrayList<>(List.of("bwrap", "--unshare-all", "--die-with-parent", "--new-session",
                "--cap-drop", "ALL"));
        for (String d : SYSTEM_DIRS) {
            Path p = Path.of(d);
            if (Files.isSymbolicLink(p)) {
                try {
                    a.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), d));
                } catch (IOException e) {
                    // unreadable link: leave it out
                }
            } else if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                a.addAll(List.of("--ro-bind", d, d));
            }
        }
        a.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        for (Path p : cmd.readOnly()) {
            a.addAll(List.of("--ro-bind", p.toString(), p.toString()));
        }
        for (Path p : cmd.writable()) {
            a.addAll(List.of("--bind", p.toString(), p.toString()));
        }
        a.addAll(List.of("--remount-ro", "/", "--chdir", cmd.workDir().toString(), "--"));
        return a;
    }

    private static void pump(InputStream in, CappedLog log, AtomicLong lastOutput) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                log.write(buf, 0, n);
                lastOutput.set(System.nanoTime());
            }
        } catch (IOException e) {
            // the process was killed; what was read is kept
        }
    }

    private static void kill(Process proc, Cgroups.Group group) {
        if (group != null) {
            group.killAll();
        }
        proc.descendants().forEach(ProcessHandle::destroyForcibly);
        proc.destroyForcibly();
    }

    private static boolean probe(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String version() {
        try {
            Process p = new ProcessBuilder("bwrap", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor(5, TimeUnit.SECONDS);
            return out.replace("bubblewrap ", "");
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static SandboxResult error(String why) {
        return new SandboxResult(Outcome.SANDBOX_ERROR, -1, Duration.ZERO, "", false, why);
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
