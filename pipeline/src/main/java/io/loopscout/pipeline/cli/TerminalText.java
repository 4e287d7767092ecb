package io.loopscout.pipeline.cli;

/**
 * Corpus or manifest text made safe to print on a terminal: control characters (C0, DEL, C1 — an ESC sequence
 * can retitle the window, move the cursor or rewrite what was printed before) and the bidirectional controls of
 * "Trojan Source" are written as escapes ({@code \n}, {@code \x1b}, {@code \u202e}), so one file name is one line
 * that reads as it is.
 */
final class TerminalText {

    private TerminalText() {
    }

    /** {@code s} with every control character escaped; null becomes empty. */
    static String shown(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200E'
                    || c == '\u200F' || c == '\u061C' || c == '\u2028' || c == '\u2029') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
