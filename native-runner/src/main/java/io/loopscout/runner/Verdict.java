package io.loopscout.runner;

/** The verdict of one A/B comparison (shared/measurement.md, verdict). */
public enum Verdict {
    IMPROVED("improved"),
    REGRESSED("regressed"),
    WITHIN_NOISE("within-noise"),
    UNSTABLE("unstable"),
    NOT_MEASURED("not-measured");

    private final String id;

    Verdict(String id) {
        this.id = id;
    }

    /** The id written in reports. */
    public String id() {
        return id;
    }
}
