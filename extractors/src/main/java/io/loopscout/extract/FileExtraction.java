package io.loopscout.extract;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What extracting one file produced: its findings and how well it was read.
 *
 * @param findings    the findings, in source order (none unless {@link FileOutcome#analysed()})
 * @param parseErrors tree-sitter ERROR and MISSING nodes in the whole file
 * @param outcome     how far the file was read
 * @param detail      why, in words, when the outcome is not {@link FileOutcome#READ} (else empty)
 */
public record FileExtraction(List<Finding> findings, int parseErrors, FileOutcome outcome, String detail)
        implements Serializable {

    public FileExtraction {
        findings = List.copyOf(findings);
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
    }

    /** A file analysed in full. */
    public static FileExtraction read(List<Finding> findings, int parseErrors) {
        return new FileExtraction(findings, parseErrors, FileOutcome.READ, "");
    }

    /**
     * A file parsed and analysed: {@link FileOutcome#SYNTAX_ERRORS} when more than one damaged spot per 100
     * lines (at least 5) makes the tree, and so what was found in it, unreliable (findings still kept).
     */
    public static FileExtraction parsed(List<Finding> findings, int parseErrors, int lines) {
        boolean broken = parseErrors >= 5 && parseErrors * 100L > lines;
        return broken ? new FileExtraction(findings, parseErrors, FileOutcome.SYNTAX_ERRORS,
                parseErrors + " damaged spots in " + lines + " lines") : read(findings, parseErrors);
    }

    /** A file that was not analysed: no findings. */
    public static FileExtraction notAnalysed(FileOutcome outcome, String detail) {
        return new FileExtraction(List.of(), 0, outcome, detail);
    }
}
