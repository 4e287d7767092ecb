package io.loopscout.pipeline.cli;

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
}
