package io.loopscout.extract;

import io.loopscout.core.Language;
import io.loopscout.extract.c.CExtractor;
import io.loopscout.extract.rust.RustExtractor;

/** The extractor for each language: the one place tools get a single-file extractor from. */
public final class Extractors {

    private Extractors() {
    }

    /** A new extractor for files of {@code language} (RUST or C). Extractors are not thread-safe. */
    public static Extractor forLanguage(Language language) {
        return switch (language) {
            case RUST -> new RustExtractor();
            case C -> new CExtractor();
            case MIXED -> throw new IllegalArgumentException("a file is Rust or C, not mixed");
        };
    }
}
