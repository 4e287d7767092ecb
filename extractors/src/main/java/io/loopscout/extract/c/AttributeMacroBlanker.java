package io.loopscout.extract.c;

/**
 * Blanks attribute macros between a top-level declaration's type and its name: an upper-case function-like
 * macro invocation directly followed by {@code name(} ({@code static void LIBXML_ATTR_FORMAT(4,0) xmlSchemaErr(..)},
 * {@code G_GNUC_PRINTF(2, 3)}). Its definition is usually in a header the scan does not resolve, and tree-sitter
 * then reads the macro as the declarator and the real name and parameters as an old-style parameter list that runs
 * on to the next brace, swallowing the functions in between under the macro's name. Outside a function two
 * juxtaposed calls are no C, so nothing else matches. Newlines are kept, so lines do not move.
 */
final class AttributeMacroBlanker {

    private AttributeMacroBlanker() {
    }

    /** {@code text} with its top-level attribute macro invocations replaced by spaces. */
    static String blank(String text) {
        int n = text.length();
        char[] out = null;
        int depth = 0;
        boolean lineStart = true;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineStart = true;
                i++;
                continue;
            }
            if (lineStart && c == '#') {
                i = MacroExpander.directiveEnd(text, i);
                continue;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                lineStart = false;
            }
            if (c == '/' || c == '"' || c == '\'') {
                int skip = CLexer.skipNonCode(text, i);
                if (skip != i) {
                    i = skip;
                    continue;
                }
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && CLexer.isIdentStart(c) && (i == 0 || !CLexer.isIdentPart(text.charAt(i - 1)))) {
                int end = identifierEnd(text, i);
                int close = isMacroName(text, i, end) ? attributeEnd(text, end) : -1;
                if (close > 0) {
                    if (out == null) {
                        out = text.toCharArray();
                    }
                    for (int k = i; k < close; k++) {
                        if (out[k] != '\n') {
                            out[k] = ' ';
                        }
                    }
                    i = close;
                    continue;
                }
                i = end;
                continue;
            }
            i++;
        }
        return out == null ? text : new String(out);
    }

    private static int identifierEnd(String text, int i) {
        int j = i;
        while (j < text.length() && CLexer.isIdentPart(text.charAt(j))) {
            j++;
        }
        return j;
    }

    /** Upper case, digits and underscores, with two letters at least: a macro by convention. */
    private static boolean isMacroName(String text, int from, int to) {
        int letters = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c >= 'a' && c <= 'z') {
                return false;
            }
            letters += c >= 'A' && c <= 'Z' ? 1 : 0;
        }
        return letters >= 2;
    }

    /**
     * Where the invocation starting its argument list at or after {@code from} ends, when an identifier and an
     * opening parenthesis follow it (the declarator it decorates); else -1.
     */
    private static int attributeEnd(String text, int from) {
        int open = skipSpace(text, from);
        if (open >= text.length() || text.charAt(open) != '(') {
            return -1;
        }
        int depth = 0;
        int j = open;
        for (; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                break;
            } else if (c == ';' || c == '{' || c == '}') {
                return -1;
            }
        }
        if (j >= text.length()) {
            return -1;
        }
        int close = j + 1;
        int name = skipSpace(text, close);
        if (name >= text.length() || !CLexer.isIdentStart(text.charAt(name))) {
            return -1;
        }
        int after = skipSpace(text, identifierEnd(text, name));
        return after < text.length() && text.charAt(after) == '(' ? close : -1;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
