package io.loopscout.pipeline.acquire;

import java.io.Serializable;

/**
 * Per-project caps on what acquisition writes and listing reads, so a hostile or giant source (a git "blob
 * bomb", 100,000 files, a decompression bomb) costs bounded disk, memory and time. A git checkout and the
 * listing stop at a cap (the project gets an {@code input-capped} failure row and keeps what was read); a
 * crate archive over a cap is refused whole. Raised with {@code --max-files} and {@code --max-bytes}.
 *
 * @param maxFiles files per project (acquired files; source files listed)
 * @param maxBytes bytes per project (acquired bytes; source bytes listed)
 */
public record InputLimits(long maxFiles, long maxBytes) implements Serializable {

    /** 50,000 files and 1 GiB a project: the largest crates and C projects of the default manifest fit. */
    public static final InputLimits DEFAULT = new InputLimits(50_000, 1L << 30);

    public InputLimits {
        if (maxFiles < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxFiles + " files, " + maxBytes
                    + " bytes");
        }
    }

    /** Why a source of {@code files} files and {@code bytes} bytes is over a cap, or null when it is not. */
    public String exceeded(long files, long bytes) {
        if (files > maxFiles) {
            return "more than " + maxFiles + " files (--max-files)";
        }
        if (bytes > maxBytes) {
            return "more than " + maxBytes + " bytes (--max-bytes)";
        }
        return null;
    }

    /** The form stored beside a truncated tree, to tell whether it was cut under the same caps. */
    String key() {
        return maxFiles + " " + maxBytes;
    }
}
