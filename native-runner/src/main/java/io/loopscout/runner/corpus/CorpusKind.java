package io.loopscout.runner.corpus;

import java.util.Locale;

/** The kinds of data in a generated compression corpus, from most to least compressible (roughly). */
public enum CorpusKind {
    /** Long runs and a repeated block: stresses bzip2's run-length stage and its fallback sort. */
    LOW_ENTROPY,
    /** Log lines: timestamps, levels, ids and hex, with much shared structure. */
    LOGS,
    /** Prose drawn from a Zipf-distributed vocabulary. */
    TEXT,
    /** Little-endian records of counters, small deltas and floats, as in a binary file format. */
    BINARY_RECORDS,
    /** Sparse bytes: mostly zeros with random bytes between (half-compressible). */
    SPARSE,
    /** Uniformly random bytes: incompressible. */
    HIGH_ENTROPY;

    /** The file name the generator writes this kind to. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-') + ".bin";
    }
}
