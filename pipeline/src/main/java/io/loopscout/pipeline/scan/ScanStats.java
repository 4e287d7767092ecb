package io.loopscout.pipeline.scan;

import java.io.Serializable;

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
 * @param parseTimeouts      files whose parse hit the per-file time limit
 * @param unreadable         files an extractor could not analyse (too deep, too large, extractor error)
 */
public record ScanStats(long filesScanned, long bytesScanned, long skippedTooLarge, long skippedBinary,
                        long symlinksRefused, long notUtf8, long parseErrorFiles, long parseTimeouts, long unreadable)
        implements Serializable {

    /** All zero. */
    public static ScanStats zero() {
        return new ScanStats(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The sum of two counts. */
    public ScanStats plus(ScanStats o) {
        return new ScanStats(filesScanned + o.filesScanned, bytesScanned + o.bytesScanned,
                skippedTooLarge + o.skippedTooLarge, skippedBinary + o.skippedBinary,
                symlinksRefused + o.symlinksRefused, notUtf8 + o.notUtf8, parseErrorFiles + o.parseErrorFiles,
                parseTimeouts + o.parseTimeouts, unreadable + o.unreadable);
    }
}
