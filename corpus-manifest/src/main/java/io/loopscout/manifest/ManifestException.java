package io.loopscout.manifest;

import java.util.List;
import java.util.stream.Collectors;

/** A manifest that cannot be used; carries every problem found, not just the first. */
public class ManifestException extends Exception {

    private final List<ManifestProblem> problems;

    public ManifestException(List<ManifestProblem> problems) {
        super(problems.stream().map(ManifestProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order. */
    public List<ManifestProblem> problems() {
        return problems;
    }
}
