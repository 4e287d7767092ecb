package io.loopscout.extract;

/** How far one source file was read by its extractor: each outcome is counted on its own in run.json. */
public enum FileOutcome {
    /** Parsed and analysed in full. */
    READ(true),
    /** Analysed, but its tree has many ERROR/MISSING nodes: findings kept, with low confidence where damaged. */
    SYNTAX_ERRORS(true),
    /** Had bytes that are not UTF-8 (read with replacement characters): findings kept. */
    NOT_UTF8(true),
    /** Over the extractor's size limit: not parsed. */
    TOO_LARGE(false),
    /** Contains NUL characters: not parsed. */
    BINARY(false),
    /** Nests beyond the extractor's depth limit (or overflowed its stack): not analysed. */
    TOO_DEEP(false),
    /** The parse hit the per-file time limit. */
    PARSE_TIMEOUT(false),
    /** The file (or its preprocessed form) could not be read. */
    UNREADABLE(false),
    /** The C preprocessor failed, timed out or was interrupted. */
    PREPROCESSOR_FAILED(false),
    /** The extractor threw: a bug, reported as an extract-fail row naming the file. */
    EXTRACTOR_ERROR(false);

    private final boolean analysed;

    FileOutcome(boolean analysed) {
        this.analysed = analysed;
    }

    /** True when the file was analysed and its findings kept (perhaps with a caveat). */
    public boolean analysed() {
        return analysed;
    }

    /** The key in run.json's counts ({@code too_deep}, {@code parse_timeout}, ...). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
