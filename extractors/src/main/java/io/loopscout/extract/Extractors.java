package io.loopscout.extract;

import io.loopscout.core.Language;

/** The extractor for each language: the one place the pipeline and tools get extractors from. */
public final class Extractors {

    private Extractors() {
    }

    /** A new extractor for files of {@code language} (RUST or C). Extractors are not thread-safe. */
    public static Extractor forLanguage(Language language) {
        throw new UnsupportedOperationException("no extractor for " + language + " yet");
    }
}
