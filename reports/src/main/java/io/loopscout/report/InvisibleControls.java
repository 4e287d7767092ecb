package io.loopscout.report;

/**
 * Characters that change how text around them is shown without showing themselves: the Unicode bidirectional
 * controls of "Trojan Source" (CVE-2021-42574: U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and the
 * line and paragraph separators U+2028/U+2029. Reports meant for people (report.html, results.md) show them as
 * {@code \\u{202e}} (backslash, u, the code point in braces), as rustc's {@code text_direction_codepoint_in_literal}
 * lint does, so a snippet or a name reads as the compiler reads it; the CSV, SARIF and JSON files keep the exact text.
 */
final class InvisibleControls {

    private InvisibleControls() {
    }

    /** True for a character that {@link #shown} writes as an escape. */
    static boolean isInvisibleControl(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200E' || c == '\u200F'
                || c == '\u061C' || c == '\u2028' || c == '\u2029';
    }

    /** The escape that shows {@code c}: {@code \\u{202e}} (backslash, u, the code point in braces). */
    static String escape(char c) {
        return "\\u{" + Integer.toHexString(c) + "}";
    }

    /** {@code s} with every invisible control written as its escape; null stays null. */
    static String shown(String s) {
        if (s == null || s.chars().noneMatch(c -> isInvisibleControl((char) c))) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(isInvisibleControl(c) ? escape(c) : String.valueOf(c));
        }
        return sb.toString();
    }
}
