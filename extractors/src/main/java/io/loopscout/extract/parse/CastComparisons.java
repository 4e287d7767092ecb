package io.loopscout.extract.parse;

/**
 * Masks {@code as Type <=} for tree-sitter-rust, which reads the {@code <} after a cast's type as the start of
 * generic arguments (rustc reads it as a comparison; c2rust emits it, e.g. {@code x as c_uint <= y}). The mask
 * turns that {@code <=} into {@code >=}: the same length, so every byte offset and the tree's shape stay as in the
 * source, and only the parser sees it — node text is always read from the source's own bytes.
 */
final class CastComparisons {
    private CastComparisons() {
    }

    /** {@code source} itself when there is nothing to mask, else a masked copy of the same length. */
    static byte[] mask(byte[] source) {
        byte[] out = source;
        for (int i = 0; i + 1 < source.length; i++) {
            if (source[i] != 'a' || source[i + 1] != 's' || (i > 0 && SourceText.isWordByte(source[i - 1]))) {
                continue;
            }
            int j = i + 2;
            if (j >= source.length || !isSpace(source[j])) {
                continue;
            }
            j = skipSpace(source, j);
            int typeStart = j;
            while (j < source.length && (SourceText.isWordByte(source[j]) || source[j] == ':')) {
                j++;
            }
            if (j == typeStart) {
                continue;
            }
            j = skipSpace(source, j);
            if (j + 1 < source.length && source[j] == '<' && source[j + 1] == '=') {
                if (out == source) {
                    out = source.clone();
                }
                out[j] = '>';
            }
            i = j - 1;
        }
        return out;
    }

    private static int skipSpace(byte[] s, int j) {
        while (j < s.length && isSpace(s[j])) {
            j++;
        }
        return j;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
