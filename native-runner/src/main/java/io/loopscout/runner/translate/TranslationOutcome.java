package io.loopscout.runner.translate;

import io.loopscout.core.Failure;
import java.nio.file.Path;
import java.util.List;

/** The result of a c2rust translation: a crate on disk, or a failure record. */
public sealed interface TranslationOutcome permits TranslationOutcome.Translated, TranslationOutcome.Failed {

    /**
     * A crate written by c2rust.
     *
     * @param crateDir      the crate root (holds Cargo.toml)
     * @param rustFiles     the translated .rs files, relative to crateDir, sorted
     * @param c2rustVersion the output of {@code c2rust --version}
     * @param notes         what loopscout changed in c2rust's output and why (e.g. a removed toolchain pin)
     */
    record Translated(Path crateDir, List<Path> rustFiles, String c2rustVersion, List<String> notes)
            implements TranslationOutcome {
        public Translated {
            rustFiles = List.copyOf(rustFiles);
            notes = List.copyOf(notes);
        }
    }

    /** Translation did not produce a crate; the failure says why (class {@code translate-fail} or timeout). */
    record Failed(Failure failure) implements TranslationOutcome {
    }
}
