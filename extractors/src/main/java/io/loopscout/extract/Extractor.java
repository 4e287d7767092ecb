package io.loopscout.extract;

/**
 * Extracts the findings of every pattern family of one language from one file.
 * Implementations are thread-compatible, not thread-safe: make one per worker thread.
 */
public interface Extractor {

    /** Parses {@code file} and returns its findings (project and version copied from the file). */
    FileExtraction extract(SourceFile file);
}
