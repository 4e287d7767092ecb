package io.loopscout.extract.c;

import java.util.ArrayList;
import java.util.List;

/** Small lexical helpers over C text that skip comments, strings and character literals. */
final class CLexer {

    private CLexer() {
    }

    static boolean isIdentStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '$';
    }

    /** Blanks {@code out[from, to)} to spaces but keeps its line ends, so every later offset and line stays put. */
    static void blankKeepingLines(char[] out, int from, int to) {
        for (int k = from; k < to; k++) {
            if (out[k] != '\n') {
                out[k] = ' ';
            }
        }
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }

    /**
     * The index just past the comment, string or character literal starting at {@code i}, or {@code i} when
     * none starts there.
     */
    static int skipNonCode(CharSequence s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        if (c == '/' && i + 1 < n) {
            char d = s.charAt(i + 1);
            if (d == '*') {
                int j = i + 2;
                while (j + 1 < n && !(s.charAt(j) == '*' && s.charAt(j + 1) == '/')) {
                    j++;
                }
                return Math.min(n, j + 2);
            }
            if (d == '/') {
                int j = i + 2;
                while (j < n && s.charAt(j) != '\n') {
                    j++;
                }
                return j;
            }
        }
        if (c == '"' || c == '\'') {
            int j = i + 1;
            while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') {
                j += s.charAt(j) == '\\' ? 2 : 1;
            }
            return Math.min(n, j + 1);
        }
        return i;
    }

    /** The identifiers and keywords of a code fragment, in order. */
    static List<String> identifiers(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            int skip = skipNonCode(s, i);
            if (skip != i) {
                i = skip;
                continue;
            }
            char c = s.charAt(i);
            if (isIdentStart(c)) {
                int j = i + 1;
                while (j < n && isIdentPart(s.charAt(j))) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else if (c >= '0' && c <= '9') {
                int j = i + 1;
                while (j < n && (isIdentPart(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                i = j;
            } else {
                i++;
            }
        }
        return out;
    }

    /** Opening minus closing braces in code (not in strings or comments). */
    static int braceBalance(String s) {
        int balance = 0;
        int i = 0;
        while (i < s.length()) {
            int skip = skipNonCode(s, i);
            if (skip != i) {
                i = skip;
                continue;
            }
            char c = s.charAt(i++);
            if (c == '{') {
                balance++;
            } else if (c == '}') {
                balance--;
            }
        }
        return balance;
    }

    /** True when the text takes a label's address ({@code &&label} where an operand, not an operator, stands). */
    static boolean hasLabelAddress(CharSequence s) {
        return labelAddressCount(s) > 0;
    }

    /** How many {@code &&label} operands the text contains. */
    static int labelAddressCount(CharSequence s) {
        int count = 0;
        int n = s.length();
        int i = 0;
        char prev = '{';
        while (i < n) {
            int skip = skipNonCode(s, i);
            if (skip != i) {
                i = skip;
                continue;
            }
            char c = s.charAt(i);
            if (c == '&' && i + 1 < n && s.charAt(i + 1) == '&') {
                int j = i + 2;
                while (j < n && Character.isWhitespace(s.charAt(j))) {
                    j++;
                }
                // An operand position: after an opening bracket, a separator or an assignment.
                if (j < n && isIdentStart(s.charAt(j)) && "{(,=?:[".indexOf(prev) >= 0) {
                    count++;
                }
                prev = '&';
                i += 2;
                continue;
            }
            if (!Character.isWhitespace(c)) {
                prev = c;
            }
            i++;
        }
        return count;
    }

    /**
     * The enumerator names of every {@code enum { ... }} body in the text: constants for transitions whose
     * target has no case label of its own. A text scan, not a query over the whole tree.
     */
    static java.util.Set<String> enumerators(String text) {
        java.util.Set<String> out = new java.util.HashSet<>();
        int i = text.indexOf("enum");
        while (i >= 0) {
            int j = i + 4;
            boolean word = (i == 0 || !isIdentPart(text.charAt(i - 1))) && j < text.length() && !isIdentPart(text.charAt(j));
            if (word) {
                while (j < text.length() && (Character.isWhitespace(text.charAt(j)) || isIdentPart(text.charAt(j)))) {
                    j++;
                }
                if (j < text.length() && text.charAt(j) == '{') {
                    j = readEnumBody(text, j + 1, out);
                }
            }
            i = text.indexOf("enum", Math.max(j, i + 4));
        }
        return out;
    }

    private static int readEnumBody(String text, int i, java.util.Set<String> out) {
        int depth = 0;
        boolean expectName = true;
        int n = text.length();
        while (i < n) {
            int skip = skipNonCode(text, i);
            if (skip != i) {
                i = skip;
                continue;
            }
            char c = text.charAt(i);
            if (c == '}' && depth == 0) {
                return i + 1;
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                expectName = true;
            } else if (c == '#') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            } else if (expectName && isIdentStart(c) && depth == 0) {
                int j = i + 1;
                while (j < n && isIdentPart(text.charAt(j))) {
                    j++;
                }
                out.add(text.substring(i, j));
                expectName = false;
                i = j;
                continue;
            }
            i++;
        }
        return n;
    }

    private static final java.util.regex.Pattern NORETURN_BEFORE = java.util.regex.Pattern.compile(
            "(?:\\b_Noreturn|\\b\\w*NORETURN\\w*|__attribute__\\s*\\(\\(\\s*(?:__)?noreturn\\w*)[^;{}()\\n]*?\\b([A-Za-z_]\\w*)\\s*\\(");
    private static final java.util.regex.Pattern NORETURN_AFTER = java.util.regex.Pattern.compile(
            "\\b([A-Za-z_]\\w*)\\s*\\([^;{}()]*\\)\\s*(?:__attribute__\\s*\\(\\(\\s*(?:__)?noreturn|\\w*NORETURN\\w*)");

    /**
     * The functions {@code text} declares noreturn: {@code _Noreturn}, a {@code ..NORETURN..} macro or
     * {@code __attribute__((noreturn))} before the name, or the attribute after the parameters. A call of one
     * ends a case as a {@code return} does (json-c's {@code default: json_abort("..")}).
     */
    static java.util.Set<String> noReturnFunctions(String text) {
        if (!text.contains("oreturn") && !text.contains("ORETURN")) {
            return java.util.Set.of();
        }
        java.util.Set<String> out = new java.util.HashSet<>();
        for (java.util.regex.Pattern p : java.util.List.of(NORETURN_BEFORE, NORETURN_AFTER)) {
            java.util.regex.Matcher m = p.matcher(text);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        out.remove("__attribute__");
        return out;
    }
}
