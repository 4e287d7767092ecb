package io.loopscout.extract.rust;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The UTF-8 bytes of one file with a line table: text and 1-based lines by byte offset, without JNI. */
final class SourceText {

    private final byte[] bytes;
    private final int[] lineStarts;

    SourceText(byte[] bytes) {
        this.bytes = bytes;
        int lines = 1;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        lineStarts = new int[lines];
        int l = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lineStarts[l++] = i + 1;
            }
        }
    }

    byte[] bytes() {
        return bytes;
    }

    String text(int start, int end) {
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    /** The text between two offsets with all ASCII whitespace removed. */
    String compact(int start, int end) {
        StringBuilder sb = new StringBuilder(end - start);
        String t = text(start, end);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The 1-based line holding byte {@code offset}. */
    int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The text of lines {@code first..last} (1-based, inclusive) capped at {@code maxLines} lines. */
    String lines(int first, int last, int maxLines) {
        int to = Math.min(last, first + maxLines - 1);
        int s = lineStarts[first - 1];
        int e = to < lineStarts.length ? lineStarts[to] : bytes.length;
        String t = text(s, e);
        return to < last ? t + "    // ... " + (last - to) + " more lines\n" : t;
    }
}
