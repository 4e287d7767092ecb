package io.loopscout.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Trojan Source (CVE-2021-42574) in what people read: a snippet, a name or a reason with bidirectional controls
 * or line separators shows them as escapes in report.html (text, attributes, highlighted code) and results.md,
 * so the text reads in the order the compiler reads it.
 */
class InvisibleControlsTest {

    /** The classic example: the comment's RLO/LRI make {@code return} look like part of the comment. */
    private static final String TROJAN = "if access_level != \"user\u202E \u2066// Check if admin\u2069 \u2066\" {\n"
            + "    return; \u2028 }";

    @Test
    void htmlTextAndAttributesShowEveryControl() {
        String html = Html.esc("fn run\u202Etxt() \u200F\u061C\u2029");
        assertEquals("fn run\\u{202e}txt() \\u{200f}\\u{61c}\\u{2029}", html);
    }

    @Test
    void highlightedCodeShowsTheControlsAndKeepsEveryOtherCharacter() {
        String code = CodeHighlighter.highlight(TROJAN, true);
        for (char c : new char[] {'\u202E', '\u2066', '\u2069', '\u2028'}) {
            assertFalse(code.indexOf(c) >= 0, "raw U+" + Integer.toHexString(c) + " in " + code);
        }
        assertTrue(code.contains("\\u{202e}") && code.contains("\\u{2066}") && code.contains("\\u{2069}")
                && code.contains("\\u{2028}"), code);
        String back = code.replaceAll("<[^>]+>", "").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
        assertEquals(TROJAN.replace("\u202E", "\\u{202e}").replace("\u2066", "\\u{2066}")
                .replace("\u2069", "\\u{2069}").replace("\u2028", "\\u{2028}"), back);
    }

    @Test
    void markdownCellsShowControlsAndCannotLinkOrLoadAPicture() {
        assertEquals("left-alone: \\\\u{202e}x", ResultsMarkdown.cell("left-alone: \u202Ex"));
        String image = ResultsMarkdown.cell("E0425: ![x](https://evil.example/p.png) [link](javascript:alert(1))");
        assertFalse(java.util.regex.Pattern.compile("(?<!\\\\)[\\[\\]]").matcher(image).find(),
                "every bracket escaped, so no link or image: " + image);
        assertEquals("'quoted' stays", ResultsMarkdown.cell("'quoted' stays"), "only the formula guard is removed");
        assertEquals("=SUM(A1)", ResultsMarkdown.cell("'=SUM(A1)"));
    }
}
