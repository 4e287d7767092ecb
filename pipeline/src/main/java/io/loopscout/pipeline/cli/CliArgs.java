package io.loopscout.pipeline.cli;

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
}
