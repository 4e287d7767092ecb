package io.loopscout.pipeline.cli;

import io.loopscout.report.ProjectsCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Parsing of option values shared by the commands. */
final class CliArgs {

    private CliArgs() {
    }

    /** The tier named by {@code value}, or null after printing what is allowed. */
    static PipelineRun.Measure measure(String value) {
        try {
            return PipelineRun.Measure.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("loopscout: --measure must be static, model or project, not '" + value + "'");
            return null;
        }
    }

    /** A size such as {@code 2G}, {@code 512M}, {@code 64K} or plain bytes (binary units); throws when unusable. */
    static long bytes(String value) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (v.endsWith("IB") || v.endsWith("B")) {
            v = v.substring(0, v.length() - (v.endsWith("IB") ? 2 : 1));
        }
        long unit = 1;
        if (!v.isEmpty() && "KMGT".indexOf(v.charAt(v.length() - 1)) >= 0) {
            unit = 1L << (10 * ("KMGT".indexOf(v.charAt(v.length() - 1)) + 1));
            v = v.substring(0, v.length() - 1);
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n <= 0 || n > Long.MAX_VALUE / unit) {
                throw new NumberFormatException();
            }
            return n * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a positive size (e.g. 2G, 512M): '" + value + "'");
        }
    }

    /**
     * Whether {@code master} (null: not given) is a {@code host:port} that {@code runner} can use; prints the one
     * sentence that says why not.
     */
    static boolean usableFlinkMaster(String master, PipelineRun.Runner runner) {
        if (master == null) {
            return true;
        }
        String problem = runner != PipelineRun.Runner.FlinkRunner ? "needs --runner FlinkRunner"
                : !master.matches("[A-Za-z0-9.\\-]+:[0-9]{1,5}") ? "must be HOST:PORT, not '" + master + "'" : null;
        if (problem != null) {
            System.err.println("loopscout: --flink-master " + problem);
            return false;
        }
        return true;
    }

    /** Whether {@code manifest} is a readable file; prints the one sentence that says why not. */
    static boolean readableManifest(Path manifest) {
        String problem = !Files.exists(manifest) ? "no such file"
                : Files.isDirectory(manifest) ? "is a directory, not a manifest"
                : !Files.isReadable(manifest) ? "not readable" : null;
        if (problem != null) {
            System.err.println("loopscout: " + manifest + ": " + problem);
            return false;
        }
        return true;
    }

    /** Whether {@code baseline} (null: none given) holds a run's outputs; prints the one sentence that says why not. */
    static boolean usableBaseline(Path baseline) {
        if (baseline != null && !Files.isRegularFile(baseline.resolve(ProjectsCsv.FILE))) {
            System.err.println("loopscout: --baseline " + baseline + " holds no " + ProjectsCsv.FILE
                    + ": not the output folder of a loopscout run");
            return false;
        }
        return true;
    }
}
