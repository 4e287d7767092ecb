package io.loopscout.core;

import java.io.Serializable;
import java.util.Objects;

/**
 * A dead-letter record: something went wrong for one project (and maybe one file) in one stage.
 * Every stage emits these instead of throwing, so one broken project never stops a run.
 */
public record Failure(String project, String stage, FailureClass failureClass, String message)
        implements Serializable {

    public Failure {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(failureClass, "failureClass");
        message = message == null ? "" : message;
    }

    /** A failure whose message is the exception's class and message (first line only). */
    public static Failure of(String project, String stage, FailureClass cls, Throwable error) {
        String msg = error.getMessage() == null ? error.getClass().getSimpleName()
                : error.getClass().getSimpleName() + ": " + error.getMessage();
        return new Failure(project, stage, cls, msg);
    }
}
