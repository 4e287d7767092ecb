package io.loopscout.extract.c;

/**
 * Normalises GNU case ranges ({@code case 'a' ... 'z':}), which tree-sitter-c does not read, to a plain case
 * on their first value: the {@code ... high} part is blanked, so offsets and lines stay where they were. The
 * range is one arm either way; what is lost is only the upper bound in the arm's label.
 */
final class CaseRanges {

    private CaseRanges() {
    }

    /** {@code text} with the upper part of every case range blanked (the same instance when there is none). */
    static String blank(String text) {
        int dots = text.indexOf("...");
        char[] out = null;
        while (dots >= 0) {
            int colon = caseBefore(text, dots) ? colonAfter(text, dots + 3) : -1;
            if (colon > 0) {
                if (out == null) {
                    out = text.toCharArray();
                }
                CLexer.blankKeepingLines(out, dots, colon);
                dots = text.indexOf("...", colon);
            } else {
                dots = text.indexOf("...", dots + 3);
            }
        }
        return out == null ? text : new String(out);
    }

    /** True when the word {@code case} starts the statement that {@code dots} stands in (one operand between). */
    private static boolean caseBefore(String text, int dots) {
        int i = dots - 1;
        int limit = Math.max(0, dots - 200);
        while (i >= limit) {
            char c = text.charAt(i);
            if (c == ';' || c == '{' || c == '}' || c == ':' && !inCharLiteral(text, i)) {
                return false;
            }
            if (c == 'e' && i >= 3 && text.startsWith("case", i - 3)
                    && (i - 4 < 0 || !CLexer.isIdentPart(text.charAt(i - 4)))
                    && (i + 1 < text.length() && !CLexer.isIdentPart(text.charAt(i + 1)))) {
                return true;
            }
            i--;
        }
        return false;
    }

    /** {@code ':'} in {@code case ':' ... '@':} is a character, not the label's colon. */
    private static boolean inCharLiteral(String text, int i) {
        return i > 0 && i + 1 < text.length() && text.charAt(i - 1) == '\'' && text.charAt(i + 1) == '\'';
    }

    /** The colon ending the case label after the range's upper operand starting at {@code from}, or -1. */
    private static int colonAfter(String text, int from) {
        int depth = 0;
        int limit = Math.min(text.length(), from + 200);
        int i = from;
        while (i < limit) {
            char c = text.charAt(i);
            if (c == '\'') {
                int skip = CLexer.skipNonCode(text, i);
                i = skip > i ? skip : i + 1;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ':' && depth == 0) {
                return i;
            } else if (c == ';' || c == '{' || c == '}' || c == '?') {
                return -1;
            }
            i++;
        }
        return -1;
    }
}
