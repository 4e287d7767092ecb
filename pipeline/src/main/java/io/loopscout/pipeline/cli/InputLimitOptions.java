package io.loopscout.pipeline.cli;

import io.loopscout.pipeline.acquire.InputLimits;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The per-project input caps on the command line ({@code --max-files}, {@code --max-bytes}), run and scan. */
final class InputLimitOptions {

    @Option(names = "--max-files", paramLabel = "N",
            description = "files per project, acquired and listed (default: ${DEFAULT-VALUE})")
    long maxFiles = InputLimits.DEFAULT.maxFiles();

    @Option(names = "--max-bytes", paramLabel = "SIZE",
            description = "bytes per project, acquired and listed; K, M, G suffixes (default: ${DEFAULT-VALUE})")
    String maxBytes = "1G";

    /** The caps, or null after printing what is wrong. */
    InputLimits limits() {
        try {
            return new InputLimits(maxFiles, bytes(maxBytes));
        } catch (IllegalArgumentException e) {
            System.err.println("loopscout: " + e.getMessage());
            return null;
        }
    }

    /** {@code 512M} → bytes; a plain number is bytes. */
    static long bytes(String size) {
        String s = size.strip().toUpperCase(Locale.ROOT);
        int shift = s.endsWith("K") ? 10 : s.endsWith("M") ? 20 : s.endsWith("G") ? 30 : 0;
        String digits = shift == 0 ? s : s.substring(0, s.length() - 1);
        try {
            return Math.multiplyExact(Long.parseLong(digits), 1L << shift);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("--max-bytes must be a size such as 512M or 2G, not '" + size + "'");
        }
    }
}
