package io.loopscout.extract;

import java.io.Serializable;
import java.util.List;

/**
 * What extracting one file produced: its findings and how well it parsed.
 *
 * @param findings    the findings, in source order
 * @param parseErrors tree-sitter ERROR and MISSING nodes in the whole file
 * @param problem     null, or why the file was not (fully) read: "timeout", "not-utf8", "too-deep", ...
 */
public record FileExtraction(List<Finding> findings, int parseErrors, String problem) implements Serializable {

    public FileExtraction {
        findings = List.copyOf(findings);
    }
}
