package io.loopscout.pipeline.acquire;

import io.loopscout.core.FailureClass;
import io.loopscout.manifest.SourceSpec;

/**
 * Acquisition failed for a reason that belongs in failures.csv (clone-fail, fetch-fail). Credentials of a URL in
 * the message (the manifest's or JGit's) are replaced by ***: the message reaches every report.
 */
public class AcquireException extends Exception {

    private final FailureClass failureClass;

    public AcquireException(FailureClass failureClass, String message, Throwable cause) {
        super(SourceSpec.Git.redactUserInfo(message), cause);
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
