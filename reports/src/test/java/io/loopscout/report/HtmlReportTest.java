package io.loopscout.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.extract.StateGraph;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page as text: escaping, self-containment, the CSP's hashes, determinism. The browser test drives it. */
class HtmlReportTest {

    static List<ProjectResult> ranked() {
        List<ProjectResult> all = ResultFixtures.all();
        List<ProjectResult> out = new ArrayList<>();
        double[] scores = {21.5, 8.25, 3, 0};
        for (int i = 0; i < all.size(); i++) {
            out.add(all.get(i).withScore(scores[i], i + 1));
        }
        return out;
    }

    static String page() {
        return HtmlReport.render(ranked(), ResultFixtures.failures(), ResultFixtures.runInfo(),
                "score = P × (log2(1 + F) + E × G / 2) <test formula & more>");
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void corpusStringsAreEscapedEverywhere() {
        String html = page();
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<img"), "no img element from a project name");
        assertFalse(Pattern.compile("<[^>]*\\son\\w+\\s*=").matcher(lower).find(), "no event handler attribute");
        assertEquals(1, count(lower, "<script"), "only the page's own script");
        assertEquals(1, count(lower, "</script"), "corpus </script> never closes the script");
        assertEquals(0, count(html, "<!--"), "no comment opened by corpus text");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "the hostile name is shown as text");
        assertTrue(html.contains("&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"), "code shown as text");
        assertTrue(html.contains("--&gt;"));
        assertTrue(html.contains("&lt;test formula &amp; more&gt;"));
        assertTrue(html.contains("Intel(R) Xeon(R) &lt;script&gt;"));
    }

    @Test
    void thePageLoadsNothingAndItsPolicyAllowsOnlyItsOwnStyleAndScript() throws Exception {
        String html = page();
        assertFalse(Pattern.compile("<[^>]*\\ssrc\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no src");
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<link"), "no linked stylesheets");
        assertFalse(html.contains("@import") || html.contains("url(http"), "no CSS loads");
        Matcher hrefs = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (hrefs.find()) {
            String href = hrefs.group(1);
            assertTrue(href.startsWith("#") || href.startsWith("https://"), "link " + href);
        }
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(style.find() && script.find());
        String csp = "default-src 'none'; style-src 'sha256-" + b64sha256(style.group(1)) + "'; script-src 'sha256-"
                + b64sha256(script.group(1)) + "'; img-src 'none'; base-uri 'none'; form-action 'none'";
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\""
                + csp.replace("'", "&#39;") + "\">"), "CSP with the hashes of the shipped style and script");
    }

    private static String b64sha256(String s) throws Exception {
        return Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void showsSummaryRankingDetailAndRunFacts() {
        String html = page();
        assertTrue(html.contains("<div class=\"card\"><b>4</b>projects</div>"));
        assertTrue(html.contains("<div class=\"card\"><b>1234</b>files scanned</div>"));
        assertTrue(html.contains("<div class=\"card\"><b>5</b>findings</div>"));
        assertTrue(html.contains("<div class=\"card\"><b>1</b>projects with verified gains</div>"));
        assertTrue(html.contains("zlib-rs</a>: 1.12× (95% CI 1.08× to 1.16×), A/A′ noise ±0.4%, LLVM flag 1.03×"));
        assertEquals(4, count(html, "<details class=\"project\""));
        assertEquals(3, count(html, "<svg class=\"graph\""), "one state graph per finding with a graph");
        assertEquals(2, count(html, "<svg class=\"chart\""),
                "zlib-rs's measurement, the hostile finding's model speed-up; the other static projects have none");
        assertTrue(html.contains("<span class=\"add\">+let mut mode = self.mode;</span>"), "the patch");
        assertTrue(html.contains("<dt>rustc</dt><dd>rustc 1.95.0</dd>"));
        assertTrue(html.contains("href=\"https://docs.rs/crate/zlib-rs/0.5.2/source/src/inflate.rs#L120-L134\""));
    }

    @Test
    void sameInputsGiveTheSameBytes() {
        List<ProjectResult> shuffled = new ArrayList<>(ranked());
        Collections.reverse(shuffled);
        List<io.loopscout.core.Failure> failures = new ArrayList<>(ResultFixtures.failures());
        Collections.reverse(failures);
        assertEquals(page(), HtmlReport.render(shuffled, failures, ResultFixtures.runInfo(),
                "score = P × (log2(1 + F) + E × G / 2) <test formula & more>"));
    }

    @Test
    void highlighterMarksTokensAndEscapesThem() {
        String rust = CodeHighlighter.highlight("fn f<'a>(x: &'a u8) { let c = '<'; // </script>\n"
                + "let s = r#\"\"</b>\"#; #[loop_match] loop { 0x1F } }", true);
        assertTrue(rust.startsWith("<span class=\"k\">fn</span> f&lt;&#39;a&gt;"), "a lifetime is not a char: " + rust);
        assertTrue(rust.contains("<span class=\"s\">&#39;&lt;&#39;</span>"), rust);
        assertTrue(rust.contains("<span class=\"c\">// &lt;/script&gt;</span>"), rust);
        assertTrue(rust.contains("<span class=\"s\">r#&quot;&quot;&lt;/b&gt;&quot;#</span>"), rust);
        assertTrue(rust.contains("<span class=\"a\">#[loop_match]</span>"), rust);
        assertTrue(rust.contains("<span class=\"n\">0x1F</span>"), rust);
        String c = CodeHighlighter.highlight("switch (s->mode) { case HEAD: /* a\n b */ s->mode = 'x'; }", false);
        assertTrue(c.contains("<span class=\"k\">switch</span> (s-&gt;mode)"), c);
        assertTrue(c.contains("<span class=\"c\">/* a\n b */</span>"), c);
        // whatever the tokens, the text is unchanged once tags are stripped and entities decoded
        String code = ResultFixtures.resource("hostile.rs");
        String back = CodeHighlighter.highlight(code, true).replaceAll("<[^>]+>", "").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        assertEquals(code, back);
    }

    @Test
    void stateGraphDrawsEveryStateAndEscapesLabels() {
        String svg = StateGraphSvg.render(ResultFixtures.hostile().findings().get(0).graph(), "g\"1");
        assertEquals(4 + 1, count(svg, "<circle"), "four states and the exit node");
        assertTrue(svg.contains("&lt;/text&gt;&lt;script&gt;alert(5)&lt;/script&gt;"), svg);
        assertTrue(svg.contains("id=\"g_1-constant\""), "marker ids are sanitised");
        assertEquals("", StateGraphSvg.render(StateGraph.empty(), "x"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= StateGraphSvg.MAX_STATES; i++) {
            many.add("S" + i);
        }
        assertTrue(StateGraphSvg.render(new StateGraph(many, List.of()), "x").contains("too large to draw"));
    }
}
