package io.loopscout.extract;

import io.loopscout.core.Language;
import io.loopscout.extract.c.CExtractor;
import io.loopscout.extract.c.LocalIncludes;
import io.loopscout.extract.rust.RustCratePass;
import io.loopscout.extract.rust.RustExtractor;
import io.loopscout.extract.rust.CrateSymbols;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Extracts every file of one project with what the whole project knows: Rust state types resolved against the
 * crate's declarations, C macros read from each file's local includes. Works on files in memory, so it needs no
 * disk; one broken file never stops the others.
 */
public final class ProjectExtractor {

    /** Receives each file's outcome. */
    public interface Listener {
        /** The file was extracted (perhaps not fully: see {@link FileExtraction#outcome()}). */
        void extracted(SourceFile file, FileExtraction result);

        /**
         * The file was extracted; {@code crateWide} when its result used what other files of the project hold
         * (a Rust file's candidate loops resolved against the crate table, a C file's local includes), so it
         * holds only while they are unchanged. A cache of per-file results needs this; the default ignores it.
         */
        default void extracted(SourceFile file, FileExtraction result, boolean crateWide) {
            extracted(file, result);
        }

        /** The extractor failed on the file. */
        void failed(SourceFile file, RuntimeException error);
    }

    private static final Duration PER_FILE = Duration.ofSeconds(10);

    /** The first pass over a Rust file, or the exception it threw (reported with the file's outcome). */
    private static Object firstPass(SourceFile f, RustExtractor.Declarations declarations) {
        try {
            return RustExtractor.firstPass(f, PER_FILE, declarations);
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** The text test before the first pass; a file it throws on is left to the second loop, which reports it. */
    private static boolean mayHoldFindings(SourceFile f) {
        try {
            return RustExtractor.mayHoldFindings(f.text());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Extracts {@code files} (all of one project) in path order. */
    public void extract(List<SourceFile> files, Listener listener) {
        List<SourceFile> sorted = files.stream().sorted(Comparator.comparing(SourceFile::path)).toList();
        List<SourceFile> rustFiles = sorted.stream().filter(f -> f.language() == Language.RUST).toList();
        Map<String, String> cTexts = new HashMap<>();
        sorted.stream().filter(f -> f.language() == Language.C).forEach(f -> cTexts.put(f.path(), f.text()));
        // Each Rust file that may hold a finding is parsed once: its declarations go into the crate table while its
        // candidate loops wait (with their tree) for the table to resolve their state types. The other files are
        // parsed for their declarations only when a lookup names something their text holds (CrateSymbols).
        Map<SourceFile, Object> rustPasses = new IdentityHashMap<>();
        CrateSymbols symbols = new CrateSymbols();
        for (SourceFile f : rustFiles) {
            boolean mayHold = mayHoldFindings(f);
            Object pass = firstPass(f, mayHold ? RustExtractor.Declarations.ALWAYS : RustExtractor.Declarations.NONE);
            rustPasses.put(f, pass);
            if (!mayHold) {
                symbols.addUnread(f);
            } else if (pass instanceof RustCratePass p) {
                symbols.add(p.symbols());
            }
        }
        RustExtractor rust = new RustExtractor(symbols, PER_FILE);
        CExtractor c = new CExtractor();
        for (SourceFile f : sorted) {
            try {
                FileExtraction result;
                boolean crateWide;
                if (f.language() == Language.RUST) {
                    Object pass = rustPasses.get(f);
                    if (pass instanceof RuntimeException e) {
                        throw e;
                    }
                    crateWide = ((RustCratePass) pass).hasCandidates();
                    result = ((RustCratePass) pass).finish(rust);
                } else {
                    crateWide = true; // its local includes are other files of the project
                    result = c.extract(f, LocalIncludes.of(f.path(), f.text(), cTexts::get));
                }
                listener.extracted(f, result, crateWide);
            } catch (RuntimeException e) {
                listener.failed(f, e);
            }
        }
    }
}
