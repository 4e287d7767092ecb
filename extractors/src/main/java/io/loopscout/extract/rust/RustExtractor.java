package io.loopscout.extract.rust;

import io.loopscout.extract.Extractor;
import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.SourceFile;
import io.loopscout.extract.parse.ParseTimeoutException;
import io.loopscout.extract.parse.ParsedSource;
import java.time.Duration;

/**
 * Finds the Rust patterns of shared/patterns.md in one file: state loops on locals and fields, dispatch loops,
 * c2rust {@code current_block} loops, loops already using {@code #[loop_match]} and step machines. Never throws
 * for bad input: a file that cannot be read fully comes back with its {@link io.loopscout.extract.FileOutcome}.
 *
 * <p>The work is split three ways: {@link RustPrefilters} (text tests before tree work), {@link RustCratePass}
 * (one parse per file for the crate's two passes) and {@link RustFindings} (a finding from an analysed loop or
 * step).
 */
public final class RustExtractor implements Extractor {

    /** Files above this size are not parsed (generated tables); reported as {@link io.loopscout.extract.FileOutcome#TOO_LARGE}. */
    static final int MAX_BYTES = 16 << 20;
    /** Bracket nesting beyond this is pathological (or an attack); reported as {@link io.loopscout.extract.FileOutcome#TOO_DEEP}. */
    static final int MAX_DEPTH = 1000;

    private final CrateSymbols crateSymbols;
    private final Duration timeout;

    /** An extractor resolving state types within each file only. */
    public RustExtractor() {
        this(new RustSymbols(), Duration.ofSeconds(10));
    }

    /**
     * An extractor that also resolves state types against a crate's declarations.
     *
     * @param crateSymbols the union of {@link #symbolsOf(SourceFile)} over the crate's files
     * @param timeout      the per-file parse limit
     */
    public RustExtractor(RustSymbols crateSymbols, Duration timeout) {
        this(CrateSymbols.of(crateSymbols), timeout);
    }

    /**
     * An extractor that resolves state types against a crate's declarations, read as lookups need them.
     *
     * @param crateSymbols the crate's files in path order
     * @param timeout      the per-file parse limit
     */
    public RustExtractor(CrateSymbols crateSymbols, Duration timeout) {
        this.crateSymbols = crateSymbols;
        this.timeout = timeout;
    }

    /** The crate's declarations this extractor resolves state types against. */
    CrateSymbols crateSymbols() {
        return crateSymbols;
    }

    /** The type declarations of one file, to merge into a crate table ({@link RustSymbols#addAll}). */
    public static RustSymbols symbolsOf(SourceFile file) {
        String text = file.text();
        if (text.length() > MAX_BYTES || !RustPrefilters.mayDeclareTypes(text)) {
            return new RustSymbols();
        }
        try (ParsedSource parsed = ParsedSource.parse(ParsedSource.Grammar.RUST, text, Duration.ofSeconds(10))) {
            return RustSymbols.of(parsed);
        } catch (ParseTimeoutException e) {
            return new RustSymbols();
        }
    }

    @Override
    public FileExtraction extract(SourceFile file) {
        return firstPass(file, timeout, Declarations.IF_PARSED).finish(this);
    }

    /** How much of a file's type declarations {@link #firstPass} collects for the crate table. */
    public enum Declarations {
        /** None: no loop of the crate needs them. */
        NONE,
        /** Those of a file parsed for its loops anyway. */
        IF_PARSED,
        /** All: files without loops are parsed for them too. */
        ALWAYS
    }

    /**
     * False when the text cannot hold a finding: every Rust pattern is a loop around a match (or a driver loop
     * calling a step with a match), or c2rust's {@code current_block} chain (a text test, before any parse).
     */
    public static boolean mayHoldFindings(String text) {
        return RustPrefilters.mayHoldFindings(text);
    }

    /**
     * Parses {@code file} once for both passes over a crate; see {@link RustCratePass}.
     *
     * @param declarations which of the file's declarations to collect
     */
    public static RustCratePass firstPass(SourceFile file, Duration timeout, Declarations declarations) {
        return RustCratePass.of(file, timeout, declarations);
    }
}
