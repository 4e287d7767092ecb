package io.loopscout.manifest;

import java.io.Serializable;

/** How popular a project is, as of a date: crates.io downloads and repository stars (either may be 0). */
public record Popularity(long downloads, long stars, String asOf) implements Serializable {
    /** No popularity figures given. */
    public static Popularity none() {
        return new Popularity(0, 0, "");
    }
}
