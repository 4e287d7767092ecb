package io.loopscout.extract.rust;

import io.loopscout.extract.parse.Nodes;
import io.loopscout.extract.parse.ParsedSource;
import io.loopscout.extract.parse.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.treesitter.TSNode;

/**
 * Finds syntax nodes by their keyword: scans the bytes for the keyword as a whole word, asks tree-sitter for the
 * smallest named node around it (one descent from the root) and keeps it when it has the wanted type. Comments,
 * strings, identifiers and macro bodies drop out by that check. Measured: a tree-sitter query over the whole tree
 * for the same nodes cost about half a parse; this costs a few percent (asking for the keyword token and then
 * its parent cost twice as much: tree-sitter finds a parent by descending from the root again).
 */
final class KeywordNodes {

    private KeywordNodes() {
    }

    /**
     * The nodes, in source order, whose keyword token is a key of {@code parentTypeByKeyword} and whose type is
     * the mapped value ({@code "loop" -> "loop_expression"}).
     */
    static List<TSNode> find(ParsedSource parsed, Map<String, String> parentTypeByKeyword) {
        byte[] b = parsed.bytes();
        byte[][] keywords = new byte[parentTypeByKeyword.size()][];
        String[] types = new String[keywords.length];
        int k = 0;
        for (Map.Entry<String, String> e : parentTypeByKeyword.entrySet()) {
            keywords[k] = e.getKey().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            types[k++] = e.getValue();
        }
        TSNode root = parsed.root();
        List<TSNode> out = new ArrayList<>();
        // word by word: a byte inside a word is looked at once (to find the word's end), not tried as a keyword
        int i = 0;
        while (i < b.length) {
            if (!isWordByte(b[i])) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < b.length && isWordByte(b[end])) {
                end++;
            }
            for (int w = 0; w < keywords.length; w++) {
                if (keywords[w].length != end - i || !startsWith(b, i, keywords[w])) {
                    continue;
                }
                // doc comments are full of "for" and "while": no descent from the root for them
                if (!inLineComment(b, i)) {
                    // The smallest named node around a keyword token is the node the keyword begins; around a
                    // word in a comment, string or macro body it is the comment, string or token tree.
                    TSNode node = Nodes.namedDescendantForByteRange(root, i, end);
                    if (!Nodes.isNull(node) && Nodes.type(node).equals(types[w])) {
                        out.add(node);
                    }
                }
                break;
            }
            i = end;
        }
        return out;
    }

    /** True when the line holding byte {@code at} starts (after blanks) with {@code //}. */
    private static boolean inLineComment(byte[] b, int at) {
        int j = at - 1;
        int limit = Math.max(-1, at - 512);
        while (j > limit && b[j] != '\n') {
            j--;
        }
        if (j == limit && limit >= 0) {
            return false;  // a long line: not worth the scan (an answer of false only costs the descent)
        }
        int k = j + 1;
        while (k < at && (b[k] == ' ' || b[k] == '\t')) {
            k++;
        }
        return k + 1 < at && b[k] == '/' && b[k + 1] == '/';
    }

    private static boolean startsWith(byte[] b, int at, byte[] word) {
        if (at + word.length > b.length) {
            return false;
        }
        for (int j = 0; j < word.length; j++) {
            if (b[at + j] != word[j]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordByte(byte c) {
        return SourceText.isWordByte(c);
    }
}
