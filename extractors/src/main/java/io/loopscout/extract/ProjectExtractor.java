package io.loopscout.extract;

import io.loopscout.core.Language;
import io.loopscout.extract.c.CExtractor;
import io.loopscout.extract.c.LocalIncludes;
import io.loopscout.extract.rust.RustExtractor;
import io.loopscout.extract.rust.RustSymbols;
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
        /** The file was extracted (perhaps with a problem, see {@link FileExtraction#problem()}). */
        void extracted(SourceFile file, FileExtraction result);

        /** The extractor failed on the file. */
        void failed(SourceFile file, RuntimeException error);
    }

    private static final Duration PER_FILE = Duration.ofSeconds(10);

    /** Extracts {@code files} (all of one project) in path order. */
    public void extract(List<SourceFile> files, Listener listener) {
        List<SourceFile> sorted = files.stream().sorted(Comparator.comparing(SourceFile::path)).toList();
        // Each Rust file is parsed once: its declarations go into the crate table while its candidate loops wait
        // (with their tree) for the complete table to resolve their state types.
        RustSymbols symbols = new RustSymbols();
        Map<String, String> cTexts = new HashMap<>();
        Map<SourceFile, Object> rustPasses = new IdentityHashMap<>();
        for (SourceFile f : sorted) {
            if (f.language() == Language.RUST) {
                try {
                    RustExtractor.FirstPass pass = RustExtractor.firstPass(f, PER_FILE, true);
                    symbols.addAll(pass.symbols());
                    rustPasses.put(f, pass);
                } catch (RuntimeException e) {
                    rustPasses.put(f, e);
                }
            } else if (f.language() == Language.C) {
                cTexts.put(f.path(), f.text());
            }
        }
        RustExtractor rust = new RustExtractor(symbols, PER_FILE);
        CExtractor c = new CExtractor();
        for (SourceFile f : sorted) {
            try {
                FileExtraction result;
                if (f.language() == Language.RUST) {
                    Object pass = rustPasses.get(f);
                    if (pass instanceof RuntimeException e) {
                        throw e;
                    }
                    result = ((RustExtractor.FirstPass) pass).finish(rust);
                } else {
                    result = c.extract(f, LocalIncludes.of(f.path(), f.text(), cTexts::get));
                }
                listener.extracted(f, result);
            } catch (RuntimeException e) {
                listener.failed(f, e);
            }
        }
    }
}
