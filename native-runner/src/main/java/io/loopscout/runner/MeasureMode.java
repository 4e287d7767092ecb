package io.loopscout.runner;

import java.util.Locale;

/** How far the Measure stage goes ({@code --measure static|model|project}). */
public enum MeasureMode {
    /** Extracted metrics only. */
    STATIC,
    /** Plus the generated model kernel of every finding's state graph. */
    MODEL,
    /** Plus the project's own benchmark as A/B/D/A'. */
    PROJECT;

    /** The id on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code static}, {@code model} or {@code project}; null when unknown. */
    public static MeasureMode parse(String s) {
        for (MeasureMode m : values()) {
            if (m.id().equals(s)) {
                return m;
            }
        }
        return null;
    }
}
