package io.loopscout.extract.parse;

/**
 * Masks the borrow of a place named {@code raw} ({@code &raw}, {@code &raw[1]}, {@code &raw.len()}) for
 * tree-sitter-rust 0.24, which takes every {@code &raw} for the start of the raw-borrow syntax and, finding no
 * {@code const}/{@code mut} after it, reads {@code &raw; s = 1} as one broken expression. rustc takes
 * {@code &raw} as a raw borrow only before {@code const} or {@code mut}; elsewhere {@code raw} is a name, so the
 * mask renames it to {@code r_w} there: the same length, so offsets and the tree's shape stay those of the
 * source, and only the parser sees it — node text is read from the source's own bytes.
 */
final class RawNamedBorrows {
    private RawNamedBorrows() {
    }

    /** {@code source} itself when there is nothing to mask, else a masked copy of the same length. */
    static byte[] mask(byte[] source) {
        byte[] out = source;
        for (int i = 0; i + 3 < source.length; i++) {
            if (source[i] != '&') {
                continue;
            }
            int j = skipSpace(source, i + 1);
            if (!word(source, j, "raw")) {
                continue;
            }
            int after = skipSpace(source, j + 3);
            if (word(source, after, "const") || word(source, after, "mut")) {
                continue; // the raw-borrow syntax, which the grammar knows
            }
            if (out == source) {
                out = source.clone();
            }
            out[j + 1] = '_';
            i = j + 2;
        }
        return out;
    }

    /** True when {@code w} stands at {@code at} as a whole word. */
    private static boolean word(byte[] s, int at, String w) {
        int end = at + w.length();
        if (end > s.length) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            if (s[at + k] != w.charAt(k)) {
                return false;
            }
        }
        return end == s.length || !SourceText.isWordByte(s[end]);
    }

    private static int skipSpace(byte[] s, int j) {
        while (j < s.length && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')) {
            j++;
        }
        return j;
    }
}
