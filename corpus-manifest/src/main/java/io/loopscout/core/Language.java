package io.loopscout.core;

import java.util.Locale;

/** The language of a project or of one source file. */
public enum Language {
    RUST, C, MIXED;

    /** The lower-case name used in manifests and reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a manifest value ({@code rust}, {@code c}, {@code mixed}); null when unknown. */
    public static Language parse(String value) {
        for (Language l : values()) {
            if (l.id().equals(value)) {
                return l;
            }
        }
        return null;
    }

    /** The language of a source file by its name, or null when loopscout does not read it. */
    public static Language ofFile(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".rs")) {
            return RUST;
        }
        if (p.endsWith(".c") || p.endsWith(".h")) {
            return C;
        }
        return null;
    }
}
