package io.loopscout.pipeline.scan;

import io.loopscout.extract.FileOutcome;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/**
 * What scanning one project's files counted; summed over a run for run.json.
 *
 * @param filesScanned       source files read and handed to an extractor
 * @param bytesScanned       their size
 * @param skippedTooLarge    files over the size cap
 * @param skippedBinary      files with a NUL byte near their start
 * @param symlinksRefused    symbolic links that leave the checkout
 * @param notUtf8            files decoded with replacement characters
 * @param parseErrorFiles    files whose tree has ERROR or MISSING nodes
 * @param fileOutcomes       files per extraction outcome (read, syntax errors, too deep, parse timeout, ...)
 */
public record ScanStats(long filesScanned, long bytesScanned, long skippedTooLarge, long skippedBinary,
                        long symlinksRefused, long notUtf8, long parseErrorFiles, Map<FileOutcome, Long> fileOutcomes)
        implements Serializable {

    public ScanStats {
        fileOutcomes = fileOutcomes.isEmpty() ? new EnumMap<>(FileOutcome.class) : new EnumMap<>(fileOutcomes);
    }

    /** All zero. */
    public static ScanStats zero() {
        return new ScanStats(0, 0, 0, 0, 0, 0, 0, Map.of());
    }

    /** What listing one project counted (no extraction yet). */
    public static ScanStats listed(long filesScanned, long bytesScanned, long skippedTooLarge, long skippedBinary,
                                   long symlinksRefused, long notUtf8) {
        return new ScanStats(filesScanned, bytesScanned, skippedTooLarge, skippedBinary, symlinksRefused, notUtf8,
                0, Map.of());
    }

    /** What extracting one project counted. */
    public static ScanStats extracted(long parseErrorFiles, Map<FileOutcome, Long> fileOutcomes) {
        return new ScanStats(0, 0, 0, 0, 0, 0, parseErrorFiles, fileOutcomes);
    }

    /** The sum of two counts. */
    public ScanStats plus(ScanStats o) {
        Map<FileOutcome, Long> outcomes = new EnumMap<>(FileOutcome.class);
        outcomes.putAll(fileOutcomes);
        o.fileOutcomes.forEach((k, v) -> outcomes.merge(k, v, Long::sum));
        return new ScanStats(filesScanned + o.filesScanned, bytesScanned + o.bytesScanned,
                skippedTooLarge + o.skippedTooLarge, skippedBinary + o.skippedBinary,
                symlinksRefused + o.symlinksRefused, notUtf8 + o.notUtf8, parseErrorFiles + o.parseErrorFiles,
                outcomes);
    }
}
