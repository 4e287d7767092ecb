package io.loopscout.extract.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The UTF-8 bytes of one file with a line table: text and 1-based lines by byte offset, without JNI. */
public final class SourceText {

    private final byte[] bytes;
    private final int[] lineStarts;

    public SourceText(byte[] bytes) {
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

    /**
     * True when the bytes in {@code [start, end)} contain one of {@code words} (ASCII); a word that is an
     * identifier must stand as a whole identifier ({@code state} is not found in {@code substate}).
     */
    public boolean containsAny(int start, int end, java.util.List<String> words) {
        for (String w : words) {
            if (w.isEmpty()) {
                return true;
            }
            boolean identifier = isWordByte((byte) w.charAt(0));
            byte first = (byte) w.charAt(0);
            int last = end - w.length();
            outer:
            for (int i = start; i <= last; i++) {
                if (bytes[i] != first) {
                    continue;
                }
                for (int j = 1; j < w.length(); j++) {
                    if (bytes[i + j] != (byte) w.charAt(j)) {
                        continue outer;
                    }
                }
                if (identifier && (i > 0 && isWordByte(bytes[i - 1])
                        || i + w.length() < bytes.length && isWordByte(bytes[i + w.length()]))) {
                    continue;
                }
                return true;
            }
        }
        return false;
    }

    public static boolean isWordByte(byte c) {
        return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c < 0;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    public byte[] bytes() {
        return bytes;
    }

    public String text(int start, int end) {
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    /**
     * The text between two offsets on one line, tokens kept apart: each run of ASCII whitespace becomes one space,
     * dropped only inside brackets and before {@code . , ; ?} ({@code p_state as ::core::ffi::c_uint},
     * {@code (a, b)}, {@code self.next()}). For display: {@link #compact} is the form places compare in.
     */
    public String oneLine(int start, int end) {
        String t = text(start, end).strip();
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                sb.append(c);
                continue;
            }
            while (i + 1 < t.length() && Character.isWhitespace(t.charAt(i + 1))) {
                i++;
            }
            char before = sb.charAt(sb.length() - 1);
            char after = t.charAt(i + 1);
            if ("([{".indexOf(before) < 0 && ")]}.,;?".indexOf(after) < 0) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    /** The text between two offsets with all ASCII whitespace removed. */
    public String compact(int start, int end) {
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
    public int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The text of lines {@code first..last} (1-based, inclusive) capped at {@code maxLines} lines. */
    public String lines(int first, int last, int maxLines) {
        int to = Math.min(last, first + maxLines - 1);
        int s = lineStarts[first - 1];
        int e = to < lineStarts.length ? lineStarts[to] : bytes.length;
        String t = text(s, e);
        return to < last ? t + "    // ... " + (last - to) + " more lines\n" : t;
    }
}
