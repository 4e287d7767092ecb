package io.loopscout.pipeline.acquire;

import io.loopscout.core.FailureClass;

/** Acquisition failed for a reason that belongs in failures.csv (clone-fail, fetch-fail). */
public class AcquireException extends Exception {

    private final FailureClass failureClass;

    public AcquireException(FailureClass failureClass, String message, Throwable cause) {
        super(message, cause);
        this.failureClass = failureClass;
    }

    public AcquireException(FailureClass failureClass, String message) {
        this(failureClass, message, null);
    }

    /** The failure class to report. */
    public FailureClass failureClass() {
        return failureClass;
    }
}
