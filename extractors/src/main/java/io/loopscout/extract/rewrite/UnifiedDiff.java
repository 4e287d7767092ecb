package io.loopscout.extract.rewrite;

import java.util.ArrayList;
import java.util.List;

/** A line-based unified diff (Myers' O(ND) algorithm), as {@code git apply} and {@code patch -p1} read it. */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** One line of an edit script: ' ' kept, '-' removed, '+' added. */
    private record Line(char op, String text) {
    }

    /**
     * The diff of two texts, or "" when they are equal.
     *
     * @param oldName the name after {@code ---}, e.g. {@code a/src/lib.rs}
     * @param newName the name after {@code +++}
     */
    public static String diff(String oldName, String newName, String oldText, String newText) {
        if (oldText.equals(newText)) {
            return "";
        }
        List<String> a = lines(oldText);
        List<String> b = lines(newText);
        List<Line> script = script(a, b);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(headerName(oldName)).append('\n').append("+++ ").append(headerName(newName))
                .append('\n');
        int i = 0;
        while (i < script.size()) {
            if (script.get(i).op() == ' ') {
                i++;
                continue;
            }
            // a hunk: from CONTEXT lines before the change to CONTEXT lines after the last change nearby
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < script.size()) {
                if (script.get(end).op() != ' ') {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(script.size(), lastChange + CONTEXT + 1);
            int oldStart = 1;
            int newStart = 1;
            for (int k = 0; k < start; k++) {
                if (script.get(k).op() != '+') {
                    oldStart++;
                }
                if (script.get(k).op() != '-') {
                    newStart++;
                }
            }
            int oldCount = 0;
            int newCount = 0;
            StringBuilder body = new StringBuilder();
            for (int k = start; k < end; k++) {
                Line l = script.get(k);
                oldCount += l.op() != '+' ? 1 : 0;
                newCount += l.op() != '-' ? 1 : 0;
                body.append(l.op()).append(l.text());
                if (!l.text().endsWith("\n")) {
                    body.append("\n\\ No newline at end of file\n");
                }
            }
            out.append("@@ -").append(range(oldCount == 0 ? oldStart - 1 : oldStart, oldCount)).append(" +")
                    .append(range(newCount == 0 ? newStart - 1 : newStart, newCount)).append(" @@\n").append(body);
            i = end;
        }
        return out.toString();
    }

    /**
     * A file name for a {@code ---}/{@code +++} line, C-quoted as git writes it (both {@code git apply} and GNU
     * patch read the quoted form) when it holds a control character, a space, a quote or a backslash: a corpus
     * file named with a newline must neither end the header nor forge another file's header.
     */
    static String headerName(String name) {
        boolean plain = name.chars().allMatch(c -> c > 0x20 && c != 0x7f && c != '"' && c != '\\');
        if (plain) {
            return name;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\%03o", (int) c));
                    } else {
                        sb.append(c); // other characters stay as they are, non-ASCII as UTF-8
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String range(int start, int count) {
        return count == 1 ? String.valueOf(start) : start + "," + count;
    }

    /** Lines with their line ends kept, so a missing final newline shows. */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(from, i + 1));
                from = i + 1;
            }
        }
        if (from < text.length()) {
            out.add(text.substring(from));
        }
        return out;
    }

    /** Myers' shortest edit script, deletions before insertions within a change. */
    private static List<Line> script(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int dFound = -1;
        for (int d = 0; d <= max && dFound < 0; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || k != d && v[offset + k - 1] < v[offset + k + 1]
                        ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    dFound = d;
                    break;
                }
            }
        }
        // backtrack through the saved frontiers
        List<Line> rev = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = dFound; d > 0; d--) {
            int[] pv = trace.get(d);
            int k = x - y;
            int prevK = k == -d || k != d && pv[offset + k - 1] < pv[offset + k + 1] ? k + 1 : k - 1;
            int prevX = pv[offset + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                rev.add(new Line(' ', a.get(--x)));
                y--;
            }
            if (x == prevX) {
                rev.add(new Line('+', b.get(--y)));
            } else {
                rev.add(new Line('-', a.get(--x)));
            }
        }
        while (x > 0 && y > 0) {
            rev.add(new Line(' ', a.get(--x)));
            y--;
        }
        List<Line> out = new ArrayList<>(rev.size());
        for (int i = rev.size() - 1; i >= 0; i--) {
            out.add(rev.get(i));
        }
        return out;
    }
}
