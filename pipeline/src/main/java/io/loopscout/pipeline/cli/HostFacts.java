package io.loopscout.pipeline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Facts about the machine a run happens on, for run.json: tool versions, CPU, sandbox. */
final class HostFacts {

    private HostFacts() {
    }

    /** The first line a tool prints for {@code --version}, or empty when it is not installed. */
    static String version(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "";
            }
            return out.lines().findFirst().orElse("").strip();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The CPU model from /proc/cpuinfo, or the OS architecture. */
    static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String l : lines) {
                if (l.startsWith("model name")) {
                    return l.substring(l.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    /** Which sandbox builds and benchmarks use here with {@code settings}, how its limits are enforced. */
    static String sandbox(io.loopscout.runner.sandbox.SandboxSettings settings) {
        return settings.detect().method() + "; build time limit " + settings.buildTime().toMinutes()
                + " min, write quota " + (settings.diskBytes() >> 20) + " MiB per build or run";
    }

    /**
     * The loopscout commit that runs: {@code git rev-parse --short HEAD} of $LOOPSCOUT_HOME (the launcher sets it),
     * with {@code -dirty} when tracked files have local changes; empty outside a git checkout.
     */
    static String commit() {
        String home = System.getenv("LOOPSCOUT_HOME");
        if (home == null || home.isBlank()) {
            return "";
        }
        String sha = git(home, "rev-parse", "--short", "HEAD");
        if (sha.isEmpty()) {
            return "";
        }
        return git(home, "status", "--porcelain", "--untracked-files=no").isEmpty() ? sha : sha + "-dirty";
    }

    /** The output of one git command in {@code dir}, stripped; empty when it fails. */
    private static String git(String dir, String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("git", "-C", dir));
        argv.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out.strip() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** How benchmark runs are timed and decided (the standard protocol: clock and its cost, CI target, budget). */
    static String timing() {
        return io.loopscout.runner.protocol.Protocol.standard().describe();
    }
}
