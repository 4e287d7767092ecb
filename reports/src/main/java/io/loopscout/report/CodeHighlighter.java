package io.loopscout.report;

import java.util.Set;

/**
 * A small syntax highlighter for Rust and C snippets: comments, strings, characters, numbers, keywords and
 * attributes become {@code <span class="…">}; everything is HTML-escaped. It tokenises, it does not parse: a
 * wrong guess changes a colour, never the text.
 */
public final class CodeHighlighter {

    private static final Set<String> RUST_KEYWORDS = Set.of("as", "async", "await", "break", "const", "continue",
            "crate", "dyn", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop",
            "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super",
            "trait", "true", "type", "unsafe", "use", "where", "while", "yield");
    private static final Set<String> C_KEYWORDS = Set.of("auto", "break", "case", "char", "const", "continue",
            "default", "do", "double", "else", "enum", "extern", "float", "for", "goto", "if", "inline", "int",
            "long", "register", "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch",
            "typedef", "union", "unsigned", "void", "volatile", "while", "#define", "#include", "#if", "#ifdef",
            "#ifndef", "#else", "#elif", "#endif", "#undef");

    private CodeHighlighter() {
    }

    /** Highlighted, escaped HTML for {@code code}; {@code rust} picks the keyword set and Rust's lexical rules. */
    public static String highlight(String code, boolean rust) {
        if (code == null) {
            return "";
        }
        Set<String> keywords = rust ? RUST_KEYWORDS : C_KEYWORDS;
        StringBuilder out = new StringBuilder(code.length() * 2);
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            int end;
            String cls;
            if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                end = lineEnd(code, i);
                cls = "c";
            } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                int close = code.indexOf("*/", i + 2);
                end = close < 0 ? n : close + 2;
                cls = "c";
            } else if (rust && c == 'r' && rawStringHashes(code, i) >= 0) {
                end = rawStringEnd(code, i);
                cls = "s";
            } else if (c == '"' || rust && c == 'b' && i + 1 < n && code.charAt(i + 1) == '"') {
                end = quotedEnd(code, c == 'b' ? i + 1 : i, '"');
                cls = "s";
            } else if (c == '\'' && charLiteral(code, i, rust)) {
                end = quotedEnd(code, i, '\'');
                cls = "s";
            } else if (Character.isDigit(c)) {
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(code.charAt(end)) || code.charAt(end) == '_'
                        || code.charAt(end) == '.' && end + 1 < n && Character.isDigit(code.charAt(end + 1)))) {
                    end++;
                }
                cls = "n";
            } else if (Character.isJavaIdentifierStart(c) || !rust && c == '#') {
                end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(code.charAt(end))) {
                    end++;
                }
                String word = code.substring(i, end);
                cls = keywords.contains(word) ? "k" : rust && end < n && code.charAt(end) == '!' ? "m" : null;
            } else if (rust && c == '#' && i + 1 < n && (code.charAt(i + 1) == '[' || code.charAt(i + 1) == '!')) {
                int close = code.indexOf(']', i);
                end = close < 0 || code.substring(i, close).contains("\n") ? i + 1 : close + 1;
                cls = "a";
            } else {
                end = i + 1;
                cls = null;
            }
            append(out, code.substring(i, end), cls);
            i = end;
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String text, String cls) {
        if (cls == null) {
            out.append(Html.esc(text));
        } else {
            out.append("<span class=\"").append(cls).append("\">").append(Html.esc(text)).append("</span>");
        }
    }

    private static int lineEnd(String code, int from) {
        int nl = code.indexOf('\n', from);
        return nl < 0 ? code.length() : nl;
    }

    /** The end of a quoted literal starting at {@code from} (backslash escapes), or the line end if unclosed. */
    private static int quotedEnd(String code, int from, char quote) {
        int i = from + 1;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                return i + 1;
            }
            if (c == '\n' && quote == '\'') {
                return i;
            }
            i++;
        }
        return code.length();
    }

    /** A Rust {@code 'x'} or {@code '\n'} rather than a lifetime {@code 'a}; in C every quote starts one. */
    private static boolean charLiteral(String code, int i, boolean rust) {
        if (!rust) {
            return true;
        }
        if (i + 2 < code.length() && code.charAt(i + 1) == '\\') {
            return true;
        }
        int next = i + 1 < code.length() ? code.offsetByCodePoints(i + 1, 1) : -1;
        return next > 0 && next < code.length() && code.charAt(next) == '\'';
    }

    /** For {@code r"…"} / {@code r#"…"#}: the number of hashes, or -1 when this is not a raw string. */
    private static int rawStringHashes(String code, int i) {
        if (i > 0 && Character.isJavaIdentifierPart(code.charAt(i - 1))) {
            return -1;
        }
        int j = i + 1;
        while (j < code.length() && code.charAt(j) == '#') {
            j++;
        }
        return j < code.length() && code.charAt(j) == '"' ? j - i - 1 : -1;
    }

    private static int rawStringEnd(String code, int i) {
        int hashes = rawStringHashes(code, i);
        String close = "\"" + "#".repeat(hashes);
        int end = code.indexOf(close, i + 2 + hashes);
        return end < 0 ? code.length() : end + close.length();
    }
}
