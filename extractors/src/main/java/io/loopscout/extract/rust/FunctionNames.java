package io.loopscout.extract.rust;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Rust file's {@code fn NAME} definitions and {@code NAME(} call sites, by text in one pass over the characters:
 * the step-machine search runs on every file with a {@code match}, and regular expressions tried at every
 * identifier cost more than the rest of that search.
 */
final class FunctionNames {

    private FunctionNames() {
    }

    /**
     * One {@code fn NAME}.
     *
     * @param fnAt      where {@code fn} starts (char offset)
     * @param nameStart where the name starts
     * @param nameEnd   where it ends
     * @param name      the name
     */
    record Definition(int fnAt, int nameStart, int nameEnd, String name) {
    }

    /**
     * Every {@code fn NAME} in the text, in order: {@code fn} after a non-word character (or at the start),
     * whitespace, then an ASCII identifier. Comments and strings are not skipped.
     */
    static List<Definition> definitions(String text) {
        List<Definition> out = new ArrayList<>();
        int from = 0;
        for (int at = text.indexOf("fn", from); at >= 0; at = text.indexOf("fn", from)) {
            from = at + 1;
            if (at > 0 && isWordBefore(text, at)) {
                continue;
            }
            int s = at + 2;
            while (s < text.length() && isSpace(text.charAt(s))) {
                s++;
            }
            if (s == at + 2 || s == text.length() || !isIdentifierStart(text.charAt(s))) {
                continue;
            }
            int e = s + 1;
            while (e < text.length() && isAsciiWord(text.charAt(e))) {
                e++;
            }
            out.add(new Definition(at, s, e, text.substring(s, e)));
            from = e;
        }
        return out;
    }

    /**
     * The char offsets of every call of one of {@code names}: {@code NAME(}, {@code NAME ::<T>(} (a turbofish
     * without {@code ;{}()} inside), the name not inside a longer identifier nor after {@code $}; a definition
     * ({@code fn NAME(}) is no call.
     */
    static Map<String, List<Integer>> callSites(String text, Set<String> names) {
        Map<String, List<Integer>> out = new HashMap<>();
        for (int paren = text.indexOf('('); paren >= 0; paren = text.indexOf('(', paren + 1)) {
            int end = skipSpaceBack(text, paren - 1);
            if (end < 0) {
                continue;
            }
            int nameEnd = -1;
            if (text.charAt(end) == '>') {
                nameEnd = turbofished(text, end);
            } else if (isAsciiWord(text.charAt(end))) {
                nameEnd = end + 1;
            }
            int at = nameEnd < 0 ? -1 : identifierStart(text, nameEnd);
            if (at < 0 || isDefinition(text, at)) {
                continue;
            }
            String name = text.substring(at, nameEnd);
            if (names.contains(name)) {
                out.computeIfAbsent(name, k -> new ArrayList<>()).add(at);
            }
        }
        return out;
    }

    /**
     * For a {@code >} closing a turbofish before a call, the end of the leftmost identifier followed by
     * {@code ::<} whose {@code <} the turbofish can start at (no {@code ;{}()} between it and {@code >}), or -1.
     */
    private static int turbofished(String text, int close) {
        int found = -1;
        for (int k = close - 1; k >= 0 && ";{}()".indexOf(text.charAt(k)) < 0; k--) {
            if (text.charAt(k) != '<') {
                continue;
            }
            int c = skipSpaceBack(text, k - 1);
            if (c < 1 || text.charAt(c) != ':' || text.charAt(c - 1) != ':') {
                continue;
            }
            int nameEnd = skipSpaceBack(text, c - 2) + 1;
            if (nameEnd > 0 && isAsciiWord(text.charAt(nameEnd - 1)) && identifierStart(text, nameEnd) >= 0) {
                found = nameEnd;
            }
        }
        return found;
    }

    /**
     * The start of the identifier ending at {@code end}: the whole ASCII word run before it, which must begin with
     * a letter or {@code _} and not follow a {@code $}; -1 otherwise.
     */
    private static int identifierStart(String text, int end) {
        int s = end;
        while (s > 0 && isAsciiWord(text.charAt(s - 1))) {
            s--;
        }
        if (s == end || !isIdentifierStart(text.charAt(s)) || s > 0 && text.charAt(s - 1) == '$') {
            return -1;
        }
        return s;
    }

    /** True when the identifier at {@code at} follows the keyword {@code fn}. */
    private static boolean isDefinition(String text, int at) {
        int b = at - 1;
        while (b >= 0 && Character.isWhitespace(text.charAt(b))) {
            b--;
        }
        return b >= 1 && text.charAt(b) == 'n' && text.charAt(b - 1) == 'f'
                && (b < 2 || !Character.isLetterOrDigit(text.charAt(b - 2)) && text.charAt(b - 2) != '_');
    }

    /** The last index at or before {@code i} that is not ASCII whitespace, or -1. */
    private static int skipSpaceBack(String text, int i) {
        while (i >= 0 && isSpace(text.charAt(i))) {
            i--;
        }
        return i;
    }

    /** A word character before {@code at} in the sense of a regex word boundary. */
    private static boolean isWordBefore(String text, int at) {
        int cp = Character.codePointBefore(text, at);
        return cp == '_' || Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isIdentifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isAsciiWord(char c) {
        return isIdentifierStart(c) || c >= '0' && c <= '9';
    }
}
