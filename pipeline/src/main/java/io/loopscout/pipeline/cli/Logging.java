package io.loopscout.pipeline.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** Log levels for the command line: quiet by default (warnings), debug for loopscout with {@code -v}. */
final class Logging {

    private static boolean verbose;

    private Logging() {
    }

    static void configure(boolean beVerbose) {
        verbose = beVerbose;
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;
        }
        ctx.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(beVerbose ? Level.INFO : Level.WARN);
        ctx.getLogger("io.loopscout").setLevel(beVerbose ? Level.DEBUG : Level.WARN);
        // Flink and Beam log noisily at INFO even for a local run.
        ctx.getLogger("org.apache.flink").setLevel(beVerbose ? Level.INFO : Level.ERROR);
        ctx.getLogger("org.apache.beam").setLevel(beVerbose ? Level.INFO : Level.WARN);
    }

    static boolean verbose() {
        return verbose;
    }
}
