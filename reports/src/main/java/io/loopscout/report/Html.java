package io.loopscout.report;

/** Escaping for HTML and SVG text and quoted attribute values: the one way strings reach report.html. */
public final class Html {

    private Html() {
    }

    /**
     * {@code s} escaped for element text and double- or single-quoted attribute values ({@code & < > " '}).
     * Control characters other than tab and newline become U+FFFD so that no input can make the page invalid;
     * bidirectional controls and line separators are shown as escapes ({@link InvisibleControls}).
     * Null becomes empty.
     */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7f) {
                        sb.append('\uFFFD');
                    } else if (InvisibleControls.isInvisibleControl(c)) {
                        sb.append(InvisibleControls.escape(c)); // Trojan Source: shown, not obeyed
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** {@code s} cut to {@code max} code points with an ellipsis (for labels in pictures). */
    public static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, Math.max(1, max - 1))) + "…";
    }

    /** {@code one} when {@code n} is 1, else {@code many} ("1 finding", "2 findings"). */
    public static String plural(long n, String one, String many) {
        return n == 1 ? one : many;
    }

    /** A web link for an href: kept only when it is an https URL (else empty), escaped for the attribute. */
    public static String httpsHref(String url) {
        return url != null && url.startsWith("https://") ? esc(url) : "";
    }
}
