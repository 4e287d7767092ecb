package io.loopscout.runner.protocol;

import io.loopscout.extract.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine measurements were taken on (for run.json and cache keys).
 *
 * @param hostname  the host name
 * @param cpuModel  the CPU model name from /proc/cpuinfo
 * @param cpus      available processors
 * @param toolchain the compiler version measurements were built with
 */
public record Host(String hostname, String cpuModel, int cpus, String toolchain) {

    /** This machine, with {@code toolchain} (e.g. {@code rustc --version}). */
    public static Host current(String toolchain) {
        String name;
        try {
            name = Files.readString(Path.of("/etc/hostname")).strip();
        } catch (IOException e) {
            name = System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
        String cpu = "unknown";
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) {
                    cpu = l.substring(l.indexOf(':') + 1).strip();
                    break;
                }
            }
        } catch (IOException e) {
            // not Linux: keep "unknown"
        }
        return new Host(name, cpu, Runtime.getRuntime().availableProcessors(), toolchain);
    }

    /** The 1-minute load average, or -1 where /proc/loadavg is missing. */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The 1, 5 and 15-minute load averages as /proc/loadavg gives them (e.g. {@code 3.10 2.51 1.98}), or empty. */
    public static String loadAverages() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return f.length < 3 ? "" : f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "";
        }
    }

    /** A note for measurements: the load while they ran, flagged when other work outnumbers the CPUs. */
    public static String loadNote(double before, double after) {
        int cpus = Runtime.getRuntime().availableProcessors();
        double max = Math.max(before, after);
        return String.format(java.util.Locale.ROOT, "load %.1f -> %.1f on %d CPUs%s", before, after, cpus,
                max > cpus ? " (machine busy: timings are noisy)" : "");
    }

    /** A file-name-safe key: host name plus a hash of everything that changes timings. */
    public String key() {
        String safe = hostname.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe + "-" + Sha256.hex(hostname + "|" + cpuModel + "|" + cpus + "|" + toolchain, 6);
    }
}
