package io.loopscout.extract.c;

/** The original text of a file cut into lines on demand, for findings' snippets. */
final class SourceLines {

    private final String text;
    private int[] starts;

    SourceLines(String text) {
        this.text = text;
    }

    /** Lines {@code first..last} (1-based, inclusive), cut after {@code max} lines with a marker line. */
    String snippet(int first, int last, int max) {
        if (starts == null) {
            starts = lineStarts(text);
        }
        int from = Math.max(1, first);
        int to = Math.min(last, starts.length);
        boolean cut = to - from + 1 > max;
        if (cut) {
            to = from + max - 1;
        }
        if (from > to) {
            return "";
        }
        int begin = starts[from - 1];
        int end = to < starts.length ? starts[to] : text.length();
        String s = text.substring(begin, end);
        if (s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return cut ? s + "\n/* ... " + (last - to) + " more lines */" : s;
    }

    private static int[] lineStarts(String text) {
        int[] out = new int[1024];
        int count = 1;
        int i = text.indexOf('\n');
        while (i >= 0) {
            if (count == out.length) {
                out = java.util.Arrays.copyOf(out, count * 2);
            }
            out[count++] = i + 1;
            i = text.indexOf('\n', i + 1);
        }
        return java.util.Arrays.copyOf(out, count);
    }
}
