package io.loopscout.runner;

import java.util.Locale;

/** How a speed-up was obtained (shared/measurement.md, evidence tiers). */
public enum EvidenceTier {
    PROJECT, MODEL, STATIC;

    /** The id written in reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
