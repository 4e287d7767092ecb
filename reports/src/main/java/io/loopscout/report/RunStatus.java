package io.loopscout.report;

import io.loopscout.core.Failure;
import java.util.Arrays;
import java.util.List;

/** How a run ended: run.json's {@code status}, and what {@code --fail-exit} turns into exit status 3. */
public enum RunStatus {
    /** Every project went through every stage it was asked for; failures.csv is empty. */
    COMPLETE("complete"),
    /** The run finished, but failures.csv has rows (a project, a file, a build or a benchmark failed). */
    COMPLETE_WITH_FAILURES("complete-with-failures");

    private final String id;

    RunStatus(String id) {
        this.id = id;
    }

    /** The id written to run.json. */
    public String id() {
        return id;
    }

    /** The status of a run with these failures. */
    public static RunStatus of(List<Failure> failures) {
        return failures.isEmpty() ? COMPLETE : COMPLETE_WITH_FAILURES;
    }

    /** The status with this id. */
    public static RunStatus ofId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown run status '" + id + "'"));
    }
}
