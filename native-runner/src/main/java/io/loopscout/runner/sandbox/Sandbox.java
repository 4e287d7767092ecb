package io.loopscout.runner.sandbox;

import io.loopscout.core.FileTrees;
import io.loopscout.runner.sandbox.SandboxResult.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * (shared/measurement.md, sandbox). {@code bwrap --unshare-all}; {@code unshare -n} plus {@code prlimit} only
 * when the user accepted the {@link Mode#WEAK weak} mode. Without either every command is refused, with the
 * reason ({@link #refusal()}). {@link #method()} says which, for run.json. {@link #run} never throws.
 */
public final class Sandbox {

    /** How commands are isolated. */
    public enum Isolation {
        /** bubblewrap: own network, pid, ipc, uts namespaces; only listed paths visible. */
        BWRAP,
        /** unshare -n: own network namespace only; the file system is the host's. */
        UNSHARE_NET,
        /** Nothing acceptable works: every command is refused. */
        NONE
    }

    /** What the user accepts: the bwrap sandbox only, or also the weaker {@code unshare -n}. */
    public enum Mode {
        /** bwrap or nothing (the default: no silent loss of file-system isolation). */
        STRICT,
        /** bwrap when it works, else {@code unshare -n}: network cut, file system NOT isolated (opt-in). */
        WEAK;

        /** The mode named on the command line ({@code strict} or {@code weak}). */
        public static Mode parse(String s) {
            return switch (s == null ? "" : s.strip().toLowerCase(Locale.ROOT)) {
                case "strict" -> STRICT;
                case "weak" -> WEAK;
                default -> throw new IllegalArgumentException("sandbox mode must be strict or weak, not '" + s + "'");
            };
        }
    }

    /** The bubblewrap binary looked up on PATH by default. */
    public static final String BWRAP = "bwrap";

    /** System directories bound read-only into bwrap (symlinks are recreated as symlinks). */
    private static final List<String> SYSTEM_DIRS = List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64",
            "/libx32", "/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d",
            "/etc/passwd", "/etc/group", "/etc/nsswitch.conf", "/etc/hosts", "/etc/ssl", "/etc/localtime");
    /** Needed only by a command with network (name resolution). */
    private static final Path RESOLV_CONF = Path.of("/etc/resolv.conf");

    private static final Pattern OOM_LOG = Pattern.compile(
            "memory allocation of \\d+ bytes failed|Cannot allocate memory|out of memory|std::bad_alloc",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NETWORK_LOG = Pattern.compile(
            "Network is unreachable|os error 101|failed to lookup address|Temporary failure in name resolution"
                    + "|Name or service not known|Could not resolve host|os error 99|Cannot assign requested address"
                    + "|Connection refused|os error 111|No address associated with hostname|dns error");
    private static final Pattern WRITE_LOG = Pattern.compile("Read-only file system|os error 30");
    private static final Pattern DISK_LOG = Pattern.compile(
            "SIGXFSZ|File too large|File size limit exceeded|os error 27\\b|No space left on device|os error 28\\b|Disk quota exceeded");
    private static final Pattern FORK_LOG = Pattern.compile(
            "Resource temporarily unavailable|os error 11\\b|fork: retry|Cannot fork");

    /** Printed by the wrapper when a command cannot join its cgroup. */
    private static final String JOIN_FAILED = "loopscout-sandbox: cannot join the cgroup";

    private final Isolation isolation;
    private final Cgroups cgroups;
    private final String bwrap;
    private final String bwrapVersion;
    private final boolean rootless;
    private final String refusal;
    private final boolean sizedTmp;

    private Sandbox(Isolation isolation, Cgroups cgroups, String bwrap, String bwrapVersion, boolean rootless,
                    String refusal, boolean sizedTmp) {
        this.isolation = isolation;
        this.cgroups = cgroups;
        this.bwrap = bwrap;
        this.bwrapVersion = bwrapVersion;
        this.rootless = rootless;
        this.refusal = refusal;
        this.sizedTmp = sizedTmp;
    }

    /** The bwrap sandbox, or a refusing one when bwrap does not work here (strict mode, bwrap on PATH). */
    public static Sandbox detect() {
        return detect(Mode.STRICT, BWRAP, true);
    }

    /** Like {@link #detect()}; without cgroups, memory and process limits fall back to prlimit. */
    public static Sandbox detect(boolean useCgroups) {
        return detect(Mode.STRICT, BWRAP, useCgroups);
    }

    /** The sandbox {@code mode} allows here, with {@code bwrap} as the bubblewrap binary. */
    public static Sandbox detect(Mode mode, String bwrap) {
        return detect(mode, bwrap, true);
    }

    private static Sandbox detect(Mode mode, String bwrap, boolean useCgroups) {
        Cgroups cg = useCgroups ? Cgroups.detect() : null;
        boolean rootless = !"root".equals(System.getProperty("user.name"));
        List<String> plain = List.of(bwrap, "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "true");
        List<String> sized = new ArrayList<>(plain.subList(0, plain.size() - 1));
        sized.addAll(List.of("--size", "1048576", "--tmpfs", "/tmp", "true"));
        if (probe(sized) == null) {
            return new Sandbox(Isolation.BWRAP, cg, bwrap, version(bwrap), rootless, "", true);
        }
        String probe = probe(plain);
        if (probe == null) { // bwrap before 0.8 has no --size: /tmp is then bounded by memory only
            return new Sandbox(Isolation.BWRAP, cg, bwrap, version(bwrap), rootless, "", false);
        }
        String why = bwrap + " does not work here (" + probe + ")";
        if (mode == Mode.STRICT) {
            return new Sandbox(Isolation.NONE, cg, bwrap, "", rootless, why + "; builds and benchmarks are refused. "
                    + "Install bubblewrap (Debian: apt-get install bubblewrap), or accept the weaker unshare -n "
                    + "sandbox (no file-system isolation) with --sandbox weak", false);
        }
        return unshareOnly(cg, bwrap, rootless, why);
    }

    /** The weak sandbox ({@code unshare -n} + {@code prlimit}), even where bwrap works; for tests. */
    public static Sandbox unshareFallback() {
        return unshareOnly(Cgroups.detect(), BWRAP, !"root".equals(System.getProperty("user.name")),
                "bwrap not used");
    }

    private static Sandbox unshareOnly(Cgroups cg, String bwrap, boolean rootless, String bwrapProblem) {
        List<String> probe = new ArrayList<>(List.of("unshare", "-n"));
        if (rootless) {
            probe.add("-r");
        }
        probe.add("true");
        String problem = probe(probe);
        return problem == null ? new Sandbox(Isolation.UNSHARE_NET, cg, bwrap, "", rootless, "", false)
                : new Sandbox(Isolation.NONE, cg, bwrap, "", rootless, bwrapProblem + ", and unshare -n does not "
                        + "work either (" + problem + "): every command is refused", false);
    }

    /** The isolation in use. */
    public Isolation isolation() {
        return isolation;
    }

    /** Why every command is refused (empty when the sandbox works). */
    public String refusal() {
        return refusal;
    }

    /** True when commands run (isolation is not {@link Isolation#NONE}). */
    public boolean usable() {
        return isolation != Isolation.NONE;
    }

    /** True when commands run without file-system isolation (the opt-in weak mode took effect). */
    public boolean weak() {
        return isolation == Isolation.UNSHARE_NET;
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
                    + "source, private /tmp" + (sizedTmp ? " within the write quota" : " NOT size-limited (bwrap "
                    + "without --size)") + ")";
            case UNSHARE_NET -> "WEAK: unshare -n (opted in with --sandbox weak; no network; file system NOT "
                    + "isolated: source, $HOME and /tmp writable, no private /tmp)";
            case NONE -> "none: every command is refused: " + refusal;
        };
        String lim = cgroups != null ? cgroups.describe()
                : "prlimit --as/--nproc" + (rootless ? "" : " (--nproc is not enforced for uid 0)");
        return iso + "; limits: " + lim + ", wall time, no-output watchdog, write quota (prlimit --fsize + "
                + "watchdog), 5 MB log";
    }

    /** Runs one command; every outcome, including the sandbox's own trouble, is a result. */
    public SandboxResult run(SandboxCommand cmd) {
        if (isolation == Isolation.NONE) {
            return error("no sandbox: " + refusal);
        }
        for (Path p : concat(cmd.readOnly(), cmd.writable())) {
            if (!Files.exists(p)) {
                return error("path to bind does not exist: " + p);
            }
        }
        Cgroups.Group group = null;
        Path neutral = null;
        CargoSecrets secrets = null;
        try {
            secrets = isolation == Isolation.BWRAP ? CargoSecrets.of(cmd) : null;
            if (cgroups != null) {
                group = cgroups.create(cmd.limits().memoryBytes(), cmd.limits().maxProcesses());
            }
            // without bwrap's private /tmp, an empty directory of our own is the neutral working directory
            neutral = cmd.workDir() == null && isolation != Isolation.BWRAP
                    ? Files.createTempDirectory("loopscout-cwd") : null;
            return execute(cmd, group, neutral != null ? neutral : cmd.workDir(),
                    secrets == null ? List.of() : secrets.masks());
        } catch (IOException e) {
            return error("cannot start: " + e.getMessage());
        } finally {
            if (group != null) {
                group.close();
            }
            FileTrees.deleteQuietly(neutral);
            if (secrets != null) {
                secrets.close();
            }
        }
    }

    private SandboxResult execute(SandboxCommand cmd, Cgroups.Group group, Path hostWorkDir,
                                  List<CargoSecrets.Mask> masks) throws IOException {
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
        // no file larger than the write quota (the kernel stops it: SIGXFSZ / EFBIG); the total is watched below
        argv.addAll(List.of("prlimit", "--core=0", "--fsize=" + lim.diskBytes()));
        if (group == null) {
            argv.add("--as=" + lim.memoryBytes());
            argv.add("--nproc=" + lim.maxProcesses());
        }
        argv.add("--");
        if (isolation == Isolation.BWRAP) {
            argv.addAll(bwrapArgs(cmd, masks));
        } else if (!cmd.network()) {
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
        pb.directory(isolation == Isolation.BWRAP ? null : hostWorkDir.toFile());
        CappedLog log = new CappedLog(lim.logCapBytes());
        AtomicLong lastOutput = new AtomicLong(System.nanoTime());
        long start = System.nanoTime();
        // the fetch's writable dirs are cargo's shared download cache: too big to walk, and only cargo writes there
        try (DiskWatch disk = DiskWatch.start(cmd.network() ? List.of() : cmd.writable(), lim.diskBytes())) {
            return await(pb.start(), group, log, lastOutput, start, lim, disk);
        }
    }

    private SandboxResult await(Process proc, Cgroups.Group group, CappedLog log, AtomicLong lastOutput, long start,
                                Limits lim, DiskWatch disk) throws IOException {
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
                } else if (disk.exceeded()) {
                    killedFor = Outcome.DISK_FULL;
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
        if (killedFor == null && disk.exceededNow()) {
            killedFor = Outcome.DISK_FULL; // wrote past the quota faster than the watchdog looked
        }
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
        if (killedFor == Outcome.DISK_FULL) {
            return new SandboxResult(killedFor, exit, wall, log, truncated,
                    "wrote more than the write quota of " + bytes(lim.diskBytes()));
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
        if (DISK_LOG.matcher(log).find()) {
            return new SandboxResult(Outcome.DISK_FULL, exit, wall, log, truncated,
                    "stopped at the write quota of " + bytes(lim.diskBytes()) + " (" + code + ")");
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

    private List<String> bwrapArgs(SandboxCommand cmd, List<CargoSecrets.Mask> masks) {
        List<String> a = new ArrayList<>(List.of(bwrap, "--unshare-all"));
        if (cmd.network()) {
            a.add("--share-net");
        }
        a.addAll(List.of("--die-with-parent", "--new-session", "--cap-drop", "ALL"));
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
        if (cmd.network() && Files.exists(RESOLV_CONF)) {
            a.addAll(List.of("--ro-bind", RESOLV_CONF.toString(), RESOLV_CONF.toString()));
        }
        a.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
        if (sizedTmp) {
            a.addAll(List.of("--size", Long.toString(cmd.limits().diskBytes())));
        }
        a.addAll(List.of("--tmpfs", "/tmp"));
        for (Path p : cmd.readOnly()) {
            a.addAll(List.of("--ro-bind", p.toString(), p.toString()));
        }
        for (Path p : cmd.writable()) {
            a.addAll(List.of("--bind", p.toString(), p.toString()));
        }
        for (CargoSecrets.Mask m : masks) { // the cargo home's tokens (CargoSecrets)
            a.addAll(List.of("--ro-bind", m.source().toString(), m.target().toString()));
        }
        // the private /tmp is empty: a neutral working directory with no corpus .cargo/config.toml above it
        String cwd = cmd.workDir() == null ? "/tmp" : cmd.workDir().toString();
        a.addAll(List.of("--remount-ro", "/", "--chdir", cwd, "--"));
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

    /** Runs a probe command: null when it exits 0, else what went wrong (its output's last line). */
    private static String probe(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
            if (p.exitValue() == 0) {
                return null;
            }
            String last = out.contains("\n") ? out.substring(out.lastIndexOf('\n') + 1) : out;
            return "exit status " + p.exitValue() + (last.isEmpty() ? "" : ": " + last);
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String version(String bwrap) {
        try {
            Process p = new ProcessBuilder(bwrap, "--version").redirectErrorStream(true).start();
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

    /** A byte count for messages: whole MiB when it is one, else KiB. */
    static String bytes(long n) {
        return n % (1 << 20) == 0 ? (n >> 20) + " MiB" : (n >> 10) + " KiB";
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
