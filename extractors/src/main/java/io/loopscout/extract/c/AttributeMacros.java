package io.loopscout.extract.c;

/**
 * Attribute macros between a top-level declaration's type and its name: an upper-case function-like macro
 * invocation directly followed by {@code name(} ({@code static void LIBXML_ATTR_FORMAT(4,0) xmlSchemaErr(..)},
 * {@code G_GNUC_PRINTF(2, 3)}). Its definition is usually in a header the scan does not resolve, and tree-sitter
 * then reads the macro as the declarator and the real name and parameters as an old-style parameter list that runs
 * on to the next brace, swallowing the functions in between under the macro's name; {@link InertBlockBlanker}
 * blanks them. Outside a function two juxtaposed calls are no C, so nothing else matches.
 */
final class AttributeMacros {

    private AttributeMacros() {
    }

    /**
     * Where the attribute macro invocation starting at identifier {@code i} (at file level) ends, or -1 when none
     * starts there.
     */
    static int invocationEnd(String text, int i) {
        int end = identifierEnd(text, i);
        return isMacroName(text, i, end) && typeBefore(text, i) ? attributeEnd(text, end) : -1;
    }

    /** Words that may precede a declaration's type: without a type before it, NAME(x) may be the type. */
    private static final java.util.Set<String> NOT_A_TYPE = java.util.Set.of("static", "extern", "inline",
            "__inline", "__inline__", "const", "volatile", "register", "typedef");

    /**
     * True when a type stands before {@code i} in the same declaration (a word that is no storage class or
     * qualifier, or a pointer star): liblzma's {@code extern LZMA_API(lzma_ret) lzma_code(..)} has none, and
     * tree-sitter reads the macro as the type there (a macro type specifier).
     */
    private static boolean typeBefore(String text, int i) {
        int j = i - 1;
        while (j >= 0) {
            while (j >= 0 && Character.isWhitespace(text.charAt(j))) {
                j--;
            }
            if (j < 0) {
                return false;
            }
            char c = text.charAt(j);
            if (c == '*') {
                return true;
            }
            if (!CLexer.isIdentPart(c)) {
                return false;
            }
            int end = j + 1;
            while (j >= 0 && CLexer.isIdentPart(text.charAt(j))) {
                j--;
            }
            if (!NOT_A_TYPE.contains(text.substring(j + 1, end))) {
                return true;
            }
        }
        return false;
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
