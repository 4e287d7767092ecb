package io.loopscout.extract.rewrite;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replace the UTF-8 byte range {@code [start, end)} of a source with {@code text}; an insertion when the
 * range is empty. Edits at the same offset apply in the order given.
 */
public record TextEdit(int start, int end, String text) {

    public TextEdit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit range [" + start + "," + end + ")");
        }
    }

    /** An insertion at {@code offset}. */
    static TextEdit insert(int offset, String text) {
        return new TextEdit(offset, offset, text);
    }

    /**
     * Applies non-overlapping edits to {@code source}.
     *
     * @throws IllegalArgumentException when two edits overlap or one lies outside the source
     */
    public static String apply(byte[] source, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        // stable sort: insertions at one offset keep their order; a replacement after insertions at its start
        sorted.sort(Comparator.comparingInt(TextEdit::start).thenComparingInt(e -> e.end() == e.start() ? 0 : 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream(source.length + 256);
        int pos = 0;
        for (TextEdit e : sorted) {
            if (e.start() < pos || e.end() > source.length) {
                throw new IllegalArgumentException("overlapping or out-of-range edit " + e);
            }
            out.write(source, pos, e.start() - pos);
            byte[] t = e.text().getBytes(StandardCharsets.UTF_8);
            out.write(t, 0, t.length);
            pos = e.end();
        }
        out.write(source, pos, source.length - pos);
        return out.toString(StandardCharsets.UTF_8);
    }
}
