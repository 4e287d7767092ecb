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
        assertTrue(html.contains("; rewrite: <span class=\"rewrite\">rewritten</span>"), "a finding's outcome");
        assertTrue(html.contains("<span class=\"rewrite\">reverted: loop_match: error[E0507]: cannot move out of "
                + "`st` &lt;b&gt;</span>"), "the first rustc error, escaped");
        assertTrue(html.contains("<dt>rustc</dt><dd>rustc 1.95.0</dd>"));
        assertTrue(html.contains("href=\"https://docs.rs/crate/zlib-rs/0.5.2/source/src/inflate.rs#L120-L134\""));
    }

    @Test
    void hugeProjectsAreCutWithANote() {
        ProjectResult base = ResultFixtures.zlibRs();
        io.loopscout.extract.Finding template = base.findings().get(1);
        String longLoop = "loop {\n" + "    step();\n".repeat(400) + "}\n";
        List<io.loopscout.extract.Finding> many = new ArrayList<>();
        for (int i = 0; i < HtmlReport.MAX_FINDINGS_SHOWN + 5; i++) {
            many.add(template.toBuilder().startLine(1000 + i * 500).endLine(1401 + i * 500).snippet(longLoop)
                    .build());
        }
        ProjectResult big = ProjectResult.of(base.spec(), base.version(), many, null, "").withScore(1, 1);
        String html = HtmlReport.render(List.of(big), List.of(), ResultFixtures.runInfo(), "f");
        assertEquals(HtmlReport.MAX_FINDINGS_SHOWN, count(html, "<div class=\"finding\">"));
        assertTrue(html.contains("And 5 more findings, listed in findings.csv and findings.sarif."));
        assertTrue(html.contains("Snippet cut after 300 lines; the loop ends on line 1401."));
        assertEquals(HtmlReport.MAX_FINDINGS_SHOWN * 299, count(html, "    step();"));
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
        String svg = StateGraphSvg.render(ResultFixtures.hostile().findings().get(0).graph());
        assertEquals(4 + 1, count(svg, "<circle"), "four states and the exit node");
        assertTrue(svg.contains("&lt;/text&gt;&lt;script&gt;alert(5)&lt;/script&gt;"), svg);
        assertTrue(svg.contains("marker-end=\"url(#arrow-constant)\""), svg);
        assertTrue(StateGraphSvg.markerDefs().contains("<marker id=\"arrow-constant\""));
        assertEquals("", StateGraphSvg.render(StateGraph.empty()));
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= StateGraphSvg.MAX_STATES; i++) {
            many.add("S" + i);
        }
        assertTrue(StateGraphSvg.render(new StateGraph(many, List.of())).contains("too large to draw"));
    }

    /** The cells of each body row of the first table after {@code start}, tags stripped, entities decoded. */
    private static List<List<String>> tableRows(String html, String start) {
        int from = html.indexOf(start);
        assertTrue(from >= 0, "no " + start);
        String table = html.substring(from, html.indexOf("</table>", from));
        List<List<String>> rows = new ArrayList<>();
        Matcher tr = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(table.substring(table.indexOf("<tbody>")));
        while (tr.find()) {
            List<String> cells = new ArrayList<>();
            Matcher td = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(tr.group(1));
            while (td.find()) {
                cells.add(td.group(1).replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">")
                        .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&"));
            }
            rows.add(cells);
        }
        return rows;
    }

    @Test
    void theC2rustComparisonShowsEveryVariantAgainstC() {
        String html = page();
        assertEquals(1, count(html, "<section class=\"c2rust\""), "only zlib has a comparison");
        assertTrue(html.contains("<li>c2rust experiment: <a class=\"open\" href=\"#p-2\">zlib</a> — "
                + "c2rust + loop_match 1.141× C time on decompress (95% CI 1.128× to 1.155×), c2rust 1.362×, "
                + "c2rust + LLVM flag 1.262× — c2rust + loop_match 1.097× C time on compress (95% CI 1.089× to "
                + "1.106×), c2rust 1.102×, c2rust + LLVM flag 1.092×</li>"), "the summary line");
        int section = html.indexOf("<section class=\"c2rust\" id=\"p-2-c2rust\">");
        assertTrue(section > html.indexOf("<details class=\"project\" id=\"p-2\">"), "inside zlib's detail");
        assertTrue(section < html.indexOf("<details class=\"project\" id=\"p-3\">"));

        assertEquals(List.of(
                List.of("C (baseline)", "10", "0.412 s", "0.9%", "1.000×", "—", "48,213,506", "1.000×", "6,912,034",
                        "402,117", "ok"),
                List.of("c2rust", "10", "0.561 s", "1.1%", "1.362×", "1.349× to 1.377×", "65,667,795", "1.362×",
                        "9,630,118", "688,902", "ok"),
                List.of("c2rust + loop_match", "10", "0.470 s", "1.0%", "1.141×", "1.128× to 1.155×", "58,120,774",
                        "1.205×", "8,010,552", "455,230", "ok"),
                List.of("c2rust + LLVM flag", "10", "0.520 s", "1.0%", "1.262×", "1.247× to 1.279×", "62,540,912",
                        "1.297×", "9,102,774", "512,660", "ok"),
                List.of("c2rust (A')", "10", "0.562 s", "1.2%", "1.365×", "1.351× to 1.380×", "65,667,795",
                        "1.362×", "9,630,118", "688,902", "ok"),
                List.of("Rust port", "10", "0.430 s", "0.8%", "1.043×", "1.031× to 1.056×", "50,117,003", "1.039×",
                        "7,004,118", "390,551", "ok")),
                tableRows(html, "<table class=\"c2rust-table\" data-workload=\"decompress\">"));
        List<List<String>> compress = tableRows(html, "<table class=\"c2rust-table\" data-workload=\"compress\">");
        assertEquals(6, compress.size());
        assertEquals(List.of("c2rust + LLVM flag", "10", "2.297 s", "0.7%", "1.092×", "1.083× to 1.100×",
                "451,230,114", "1.122×", "66,002,981", "4,071,220", "ok"), compress.get(3));
        assertEquals(List.of("Rust port", "2", "—", "—", "—", "—", "—", "—", "—", "—",
                "run failed in round 3: timeout"), compress.get(5), "missing figures are dashes beside the status");
        assertTrue(html.contains("<tr data-variant=\"rust-port\" class=\"missing\">"));

        // one chart per workload: a bar and CI whiskers per measured variant other than C, C is the line at 1.0
        Matcher charts = Pattern.compile("<svg class=\"chart vs-c\".*?</svg>", Pattern.DOTALL).matcher(html);
        List<String> svgs = new ArrayList<>();
        while (charts.find()) {
            svgs.add(charts.group());
        }
        assertEquals(2, svgs.size());
        assertEquals(5, count(svgs.get(0), "<path class=\"ci\""), "decompress: five variants with CIs");
        assertEquals(4, count(svgs.get(1), "<path class=\"ci\""), "compress: the Rust port has no figure");
        assertTrue(svgs.get(0).contains(">1.141×  [1.128, 1.155]</text>"), svgs.get(0));
        assertTrue(svgs.get(0).contains("stroke=\"#0f172a\"/><text") && svgs.get(0).contains(">1×</text>"),
                "the line at 1.0 is drawn dark and labelled");
        assertFalse(svgs.get(0).contains(">C</text>"), "no bar for C itself");

        assertEquals(List.of(
                List.of("src/inflate.rs", "612", "inflate", "rewritten",
                        "rewritten: 41 constant transitions (#[const_continue]), 6 through the dispatch"),
                List.of("src/deflate.rs", "1480", "deflate_stored", "reverted",
                        "reverted: the rewritten crate did not build (E0308 in a #[const_continue] arm)"),
                List.of("src/inftrees.rs", "104", ResultFixtures.HOSTILE_SYMBOL, "left alone",
                        "no-constant-transition: every transition goes through the dispatch")),
                tableRows(html, "<table class=\"c2rust-loops\">"));
        assertTrue(html.contains("1 of 3 candidate loops rewritten"));
        List<List<String>> functions = tableRows(html, "<table class=\"c2rust-functions\">");
        assertEquals(List.of("c2rust", ResultFixtures.HOSTILE_SYMBOL, "9,880,004", "1,402,001", "61,120"),
                functions.get(3));
        assertTrue(html.contains("<dt>c2rust</dt><dd>C2Rust 0.20.0</dd>"));
        assertTrue(html.contains("<dt>Host</dt><dd>Intel(R) Xeon(R) CPU @ 2.20GHz, 2 logical cores, pinned"));
        assertTrue(html.contains("<dt>Corpus</dt><dd>60 MiB in 4 files"));
        // the hostile symbol as text in the function table, the loop table and the note, never as markup
        String escaped = "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;";
        assertEquals(3, count(html, escaped), "function table, loop table, note");
        assertTrue(html.contains("<li>symbol " + escaped + " kept as callgrind printed it</li>"));
    }

    @Test
    void aComparisonWithoutTheCRunShowsDashesAndNoChart() {
        io.loopscout.runner.translate.CComparison full = ResultFixtures.zlibCComparison();
        io.loopscout.runner.translate.CComparison noC = new io.loopscout.runner.translate.CComparison(
                full.project(), full.version(), full.c2rustVersion(), full.rustc(), full.corpus(), full.host(),
                List.of(new io.loopscout.runner.translate.CComparison.Row("decompress",
                        io.loopscout.runner.translate.CVariant.C, 0, null, null, null, null, null, null, null, null,
                        null, List.of(), "not built: cc failed")), List.of(), List.of());
        ProjectResult r = ResultFixtures.zlibC().withCComparison(noC).withScore(1, 1);
        String html = HtmlReport.render(List.of(r), List.of(), ResultFixtures.runInfo(), "f");
        List<List<String>> rows = tableRows(html, "<table class=\"c2rust-table\" data-workload=\"decompress\">");
        assertEquals(List.of("C (baseline)", "—", "—", "—", "—", "—", "—", "—", "—", "—", "not built: cc failed"),
                rows.get(0));
        assertEquals("not in this comparison", rows.get(1).get(10));
        assertTrue(html.contains("<p class=\"note\">No time ratio to chart.</p>"));
        assertTrue(html.contains("c2rust + loop_match not measured on decompress (not in this comparison)"));
        assertTrue(html.contains("The rewriter found no candidate loop in the translation."));
    }
}
