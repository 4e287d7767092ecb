package io.loopscout.extract.c;

/**
 * Blanks the inside of every top-level {@code { }} block (function bodies, initialisers, struct bodies) that
 * holds none of {@code switch}, {@code goto} or {@code __loopscout_goto}: only functions with one of them are
 * analysed, and after macro expansion most of a file is bodies that cannot yield a finding, whose parse would
 * cost most of the time. Newlines are kept, so lines (and findings' line numbers) do not move; the braces stay,
 * so the file still parses as the same sequence of top-level items.
 *
 * <p>At file level it also blanks {@link AttributeMacros attribute macros} before a function's name, which
 * tree-sitter would take for the declarator.
 *
 * <p>When the braces outside directives, comments and literals do not balance, the text is returned as is
 * (nothing is blanked that the parser might have read differently).
 */
final class InertBlockBlanker {

    private static final String[] KEYWORDS = {"switch", "goto", MacroExpander.COMPUTED_GOTO};

    private InertBlockBlanker() {
    }

    /** {@code text} with the inside of its keyword-free top-level blocks replaced by spaces. */
    static String blank(String text) {
        int n = text.length();
        char[] out = null;
        int depth = 0;
        int open = -1;
        boolean keyword = false;
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
                if (depth++ == 0) {
                    open = i;
                    keyword = false;
                }
            } else if (c == '}') {
                if (--depth < 0) {
                    return text;
                }
                if (depth == 0 && !keyword && i - open > 1) {
                    if (out == null) {
                        out = text.toCharArray();
                    }
                    CLexer.blankKeepingLines(out, open + 1, i);
                }
            } else if (depth == 0 && CLexer.isIdentStart(c) && (i == 0 || !CLexer.isIdentPart(text.charAt(i - 1)))) {
                int end = AttributeMacros.invocationEnd(text, i);
                if (end > 0) {
                    if (out == null) {
                        out = text.toCharArray();
                    }
                    CLexer.blankKeepingLines(out, i, end);
                    i = end;
                    continue;
                }
            } else if (depth > 0 && !keyword && (c == 's' || c == 'g' || c == '_')
                    && (i == 0 || !CLexer.isIdentPart(text.charAt(i - 1)))) {
                keyword = startsKeyword(text, i);
            }
            i++;
        }
        return depth != 0 || out == null ? text : new String(out);
    }

    private static boolean startsKeyword(String text, int i) {
        for (String k : KEYWORDS) {
            if (text.startsWith(k, i)) {
                return true;
            }
        }
        return false;
    }
}
