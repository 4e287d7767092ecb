package io.loopscout.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens report.html in headless Chromium as a person would: sorts, filters, expands a project, takes screenshots
 * (target/report-screenshots/). The hostile fixture must render as text and run no script. Needs the Debian
 * packages chromium and chromium-driver; skipped, with a message, without them.
 */
class HtmlReportBrowserTest {

    /** Installed before any page script: records dialogs and CSP violations instead of showing them. */
    private static final String PROBE = """
            window.__dialogs = []; window.__csp = [];
            ['alert', 'confirm', 'prompt', 'print'].forEach(function (n) {
              window[n] = function (m) { window.__dialogs.push(n + ':' + m); };
            });
            document.addEventListener('securitypolicyviolation', function (e) {
              window.__csp.push(e.violatedDirective + ' ' + e.blockedURI);
            });
            """;

    /** Selenium 4.27 warns that it has no CDP bindings for this Chromium; we only use raw CDP commands. */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    private static ChromeDriver driver;
    private static Path userDataDir;
    private static Path shots;

    private static String executable(String... names) {
        for (String name : names) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return null;
    }

    @BeforeAll
    static void startChromium() throws Exception {
        String chromium = executable("chromium", "chromium-browser");
        String chromedriver = executable("chromedriver");
        if (chromium == null || chromedriver == null) {
            System.err.println("HtmlReportBrowserTest SKIPPED: chromium or chromedriver not on PATH "
                    + "(apt-get install -y chromium chromium-driver)");
            return; // each test then skips by assumption, so the skip is counted
        }
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        userDataDir = Files.createTempDirectory("loopscout-chromium-");
        shots = Path.of("target", "report-screenshots");
        Files.createDirectories(shots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + userDataDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
    }

    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(driver != null,
                "chromium/chromedriver not installed (apt-get install -y chromium chromium-driver): browser test skipped");
    }

    @AfterAll
    static void stopChromium() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (userDataDir != null) {
            try (var walk = Files.walk(userDataDir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Path writeReport() throws Exception {
        Path dir = Path.of("target", "browser-report");
        return HtmlReport.write(dir, HtmlReportTest.ranked(), ResultFixtures.failures(), ResultFixtures.runInfo(),
                "score = P × (log2(1 + F) + E × G / 2)", Changes.none()).toAbsolutePath();
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static List<String> visibleProjects() {
        List<String> names = new ArrayList<>();
        for (WebElement row : driver.findElements(By.cssSelector("#ranking-table tbody tr"))) {
            if (row.isDisplayed()) {
                names.add(row.findElements(By.tagName("td")).get(1).getText());
            }
        }
        return names;
    }

    private static long findingRows(ChromeDriver d) {
        return d.findElements(By.cssSelector("#findings-table tbody tr")).stream().filter(WebElement::isDisplayed)
                .count();
    }

    private static WebElement header(String name) {
        return driver.findElements(By.cssSelector("#ranking-table th")).stream()
                .filter(th -> th.getText().startsWith(name)).findFirst().orElseThrow();
    }

    @Test
    void sortAndFilterLiveInTheUrlAndThePageFitsAPhone() throws Exception {
        Path report = writeReport();
        driver.manage().window().setSize(new Dimension(1400, 1000));
        driver.get(report.toUri() + "?sort=score&dir=asc&q=zlib");
        assertEquals(List.of("zlib", "zlib-rs"), visibleProjects(), "a shared link shows the same view");
        assertEquals("zlib", driver.findElement(By.id("filter")).getDomProperty("value"));
        WebElement zlibRs = driver.findElements(By.cssSelector("#ranking-table tbody tr")).stream()
                .filter(r -> r.findElements(By.tagName("td")).get(1).getText().equals("zlib-rs")).findFirst()
                .orElseThrow();
        assertEquals("12.3 M", zlibRs.findElements(By.tagName("td")).get(4).getText(), "popularity for people");
        assertTrue(driver.findElement(By.cssSelector("header .sub")).getText().contains("2026-11-23 19:00:00 UTC"));

        // the findings table: filter by pattern and eligibility, state in the URL, a row opens its finding
        driver.get(report.toUri().toString());
        List<WebElement> findingRows = driver.findElements(By.cssSelector("#findings-table tbody tr"));
        assertEquals(HtmlReportTest.ranked().stream().mapToInt(r -> r.findings().size()).sum(), findingRows.size());
        new Select(driver.findElement(By.id("f-eligible"))).selectByValue("eligible");
        List<WebElement> shownRows = findingRows.stream().filter(WebElement::isDisplayed).toList();
        assertTrue(shownRows.size() >= 1 && shownRows.stream().allMatch(r -> r.getText().contains("yes")),
                shownRows.toString());
        assertTrue(driver.getCurrentUrl().contains("eligible=eligible"), driver.getCurrentUrl());
        new Select(driver.findElement(By.id("f-eligible"))).selectByValue("");
        new Select(driver.findElement(By.id("f-rewrite"))).selectByValue("reverted");
        shownRows = findingRows.stream().filter(WebElement::isDisplayed).toList();
        assertEquals(1, shownRows.size(), "one fixture loop was reverted");
        assertTrue(shownRows.get(0).getText().contains("reverted: "), shownRows.get(0).getText());
        assertTrue(driver.getCurrentUrl().contains("rewrite=reverted"), driver.getCurrentUrl());
        new Select(driver.findElement(By.id("f-rewrite"))).selectByValue("");
        new Select(driver.findElement(By.id("f-pattern"))).selectByValue("c/computed-goto");
        shownRows = findingRows.stream().filter(WebElement::isDisplayed).toList();
        assertEquals(1, shownRows.size());
        assertTrue(driver.getCurrentUrl().contains("pattern=c%2Fcomputed-goto"), driver.getCurrentUrl());
        shownRows.get(0).findElement(By.tagName("a")).click();
        WebElement target = driver.findElement(By.id("f-2-1"));
        assertTrue((Boolean) js("return document.getElementById('p-2').open"), "the finding's project opened");
        assertTrue(target.isDisplayed() && target.getText().contains("contrib/vm.c"), target.getText());
        driver.get(report.toUri() + "?pattern=c%2Fswitch-state-loop");
        assertEquals(1L, findingRows(driver), "a link with a pattern filter shows only that pattern");

        // every value label of the speed-up chart lies inside its picture
        driver.get(report.toUri().toString());
        driver.findElement(By.linkText("zlib-rs")).click();
        WebElement chart = driver.findElement(By.cssSelector("#p-1 svg.chart"));
        Double overflow = ((Number) js("var s = arguments[0], w = s.viewBox.baseVal.width, m = 0;"
                + "s.querySelectorAll('text').forEach(function (t) { var b = t.getBBox(); m = Math.max(m, b.x + b.width - w); });"
                + "return m;", chart)).doubleValue();
        assertTrue(overflow <= 0, "a label sticks out of the chart by " + overflow + " px");
        assertTrue(chart.getText().contains("1.12×  [1.08×, 1.16×]") || (Boolean) js(
                "return arguments[0].textContent.indexOf('[1.08×, 1.16×]') >= 0", chart));

        // at 390 px nothing scrolls sideways but the wide tables inside their own boxes
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(report.toUri().toString());
        driver.findElement(By.linkText("zlib-rs")).click();
        long page = (Long) js("return document.documentElement.scrollWidth");
        long view = (Long) js("return document.documentElement.clientWidth");
        assertTrue(page <= view, "the page is " + page + " px wide in a " + view + " px window");
        Files.write(shots.resolve("phone-390.png"), driver.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new Dimension(1400, 1000));
    }

    @Test
    void aPersonSortsFiltersAndExpandsAndNoCorpusScriptRuns() throws Exception {
        Path report = writeReport();
        driver.get(report.toUri().toString());
        assertEquals("loopscout report", driver.getTitle());

        // ranked order as written
        assertEquals(List.of("zlib-rs", "zlib", ResultFixtures.HOSTILE_ID, ResultFixtures.FORMULA_ID),
                visibleProjects());
        assertEquals("4 of 4 projects shown", driver.findElement(By.id("shown")).getText());

        // sort by project name, ascending then descending
        header("Project").click();
        List<String> ascending = new ArrayList<>(List.of("zlib-rs", "zlib", ResultFixtures.HOSTILE_ID,
                ResultFixtures.FORMULA_ID));
        ascending.sort(Comparator.comparing(s -> s.toLowerCase(Locale.ROOT)));
        assertEquals(ascending, visibleProjects());
        header("Project").click();
        List<String> descending = new ArrayList<>(ascending);
        java.util.Collections.reverse(descending);
        assertEquals(descending, visibleProjects());
        // sort by score, numerically, best first on the first click: 21.5 > 8.25 > 3 > 0; then worst first
        header("Score").click();
        assertEquals(List.of("zlib-rs", "zlib", ResultFixtures.HOSTILE_ID, ResultFixtures.FORMULA_ID),
                visibleProjects());
        assertTrue(driver.getCurrentUrl().contains("?sort=score&dir=desc"), driver.getCurrentUrl());
        header("Score").click();
        assertEquals(List.of(ResultFixtures.FORMULA_ID, ResultFixtures.HOSTILE_ID, "zlib", "zlib-rs"),
                visibleProjects());
        // empty speed-ups sort last whatever the direction
        header("Measured").click();
        assertEquals("zlib-rs", visibleProjects().get(0));
        header("Measured").click();
        assertEquals("zlib-rs", visibleProjects().get(0));
        header("Rank").click();
        assertEquals("zlib-rs", visibleProjects().get(0));
        js("document.getElementById('ranking').scrollIntoView()");
        Files.write(shots.resolve("ranking-sorted.png"), driver.getScreenshotAs(OutputType.BYTES));

        // filter by text, then by evidence tier
        WebElement filter = driver.findElement(By.id("filter"));
        filter.sendKeys("zlib");
        assertEquals(List.of("zlib-rs", "zlib"), visibleProjects());
        assertEquals("2 of 4 projects shown", driver.findElement(By.id("shown")).getText());
        new Select(driver.findElement(By.id("tier"))).selectByValue("project");
        assertEquals(List.of("zlib-rs"), visibleProjects());
        filter.clear();
        filter.sendKeys("improved");
        assertEquals(List.of("zlib-rs"), visibleProjects());
        new Select(driver.findElement(By.id("tier"))).selectByValue("");
        filter.clear();
        filter.sendKeys("onerror");
        assertEquals(List.of(ResultFixtures.HOSTILE_ID), visibleProjects(), "filtering matches the text shown");
        filter.clear();
        js("arguments[0].dispatchEvent(new Event('input'))", filter);
        assertEquals(4, visibleProjects().size());

        // expand zlib-rs from its ranking link: snippet, state graph and speed-up chart are shown
        WebElement details = driver.findElement(By.id("p-1"));
        assertFalse(details.getDomAttribute("open") != null, "closed at first");
        driver.findElement(By.linkText("zlib-rs")).click();
        assertTrue((Boolean) js("return document.getElementById('p-1').open"));
        WebElement code = details.findElement(By.cssSelector(".code pre.src"));
        assertTrue(code.isDisplayed());
        assertTrue(code.getText().contains("match self.mode {"), code.getText());
        // the loop head is shown; the rest of the body is put into the page when asked for
        WebElement body = details.findElement(By.cssSelector("details.body"));
        assertEquals(0L, js("return arguments[0].querySelectorAll('.code').length", body), "not in the page yet");
        assertEquals("Show the loop body (5 more lines)", body.findElement(By.tagName("summary")).getText());
        body.findElement(By.tagName("summary")).click();
        // the body is put in by the details' toggle event, which the browser fires in a later task
        WebElement rest = new WebDriverWait(driver, Duration.ofSeconds(10)).until(
                d -> body.findElements(By.cssSelector(".code pre.src")).stream().findFirst().orElse(null));
        assertTrue(rest.getText().contains("Mode::Done => break,"), rest.getText());
        assertTrue(body.findElement(By.cssSelector(".code pre.gutter")).getText().startsWith("132"),
                "line numbers go on from the head");
        assertTrue(details.findElement(By.cssSelector("svg.graph")).isDisplayed());
        assertTrue(details.findElement(By.cssSelector("svg.chart")).isDisplayed());
        assertEquals(1L, js("return arguments[0].querySelectorAll('svg.chart path.ci').length", details));
        Files.write(shots.resolve("project-zlib-rs.png"), details.getScreenshotAs(OutputType.BYTES));
        WebElement graph = details.findElement(By.cssSelector("svg.graph"));
        js("arguments[0].scrollIntoView()", graph);
        Files.write(shots.resolve("graph-zlib-rs.png"), graph.getScreenshotAs(OutputType.BYTES));

        // the hostile project: its name, code and patch are text; nothing of it became markup or ran
        driver.findElement(By.linkText(ResultFixtures.HOSTILE_ID)).click();
        WebElement hostile = driver.findElement(By.id("p-3"));
        assertTrue((Boolean) js("return arguments[0].open", hostile));
        assertTrue(hostile.findElement(By.tagName("summary")).getText().contains(ResultFixtures.HOSTILE_ID));
        String code3 = hostile.findElement(By.cssSelector(".code pre.src")).getText();
        assertTrue(code3.contains("</script><script>alert(1)</script> -->"), code3);
        assertTrue(hostile.findElement(By.cssSelector("pre.diff")).getText().contains("+<img src=x onerror=alert(6)>"));
        Files.write(shots.resolve("project-hostile.png"), hostile.getScreenshotAs(OutputType.BYTES));

        // zlib's c2rust experiment, opened from its summary line: tables, charts, loops, notes, the hostile symbol as text
        driver.findElement(By.cssSelector("#c2rust-summary a.open")).click();
        WebElement zlib = driver.findElement(By.id("p-2"));
        assertTrue((Boolean) js("return arguments[0].open", zlib));
        WebElement comparison = zlib.findElement(By.cssSelector("section.c2rust"));
        assertTrue(comparison.isDisplayed());
        assertEquals("Rust against C (c2rust)", comparison.findElement(By.tagName("h3")).getText());
        WebElement decompress = comparison.findElement(By.cssSelector("table.c2rust-table[data-workload=decompress]"));
        assertEquals(6, decompress.findElements(By.cssSelector("tbody tr")).size());
        assertTrue(decompress.findElement(By.cssSelector("tr[data-variant=b]")).getText()
                .startsWith("c2rust + loop_match 10 0.470 s 1.0% 1.141× 1.128× to 1.155×"),
                decompress.findElement(By.cssSelector("tr[data-variant=b]")).getText());
        List<WebElement> charts = comparison.findElements(By.cssSelector("svg.vs-c"));
        assertEquals(2, charts.size());
        assertTrue(charts.get(0).isDisplayed());
        assertEquals(5L, js("return arguments[0].querySelectorAll('path.ci').length", charts.get(0)));
        WebElement functions = comparison.findElement(By.cssSelector("details.functions > summary"));
        functions.click();
        assertTrue(comparison.findElement(By.cssSelector("table.c2rust-functions")).getText()
                .contains(ResultFixtures.HOSTILE_SYMBOL));
        assertTrue(comparison.findElement(By.cssSelector("table.c2rust-loops")).getText()
                .contains(ResultFixtures.HOSTILE_SYMBOL));
        assertTrue(comparison.findElement(By.cssSelector("ul.c2rust-notes")).getText()
                .contains("symbol " + ResultFixtures.HOSTILE_SYMBOL + " kept as callgrind printed it"));
        long sectionHeight = (Long) js("return Math.ceil(arguments[0].getBoundingClientRect().height)", comparison);
        driver.manage().window().setSize(new Dimension(1400, (int) Math.min(6000L, sectionHeight + 200)));
        js("arguments[0].scrollIntoView()", comparison);
        Files.write(shots.resolve("c2rust-zlib.png"), comparison.getScreenshotAs(OutputType.BYTES));
        js("arguments[0].scrollIntoView()", charts.get(0));
        Files.write(shots.resolve("c2rust-zlib-chart.png"), charts.get(0).getScreenshotAs(OutputType.BYTES));

        assertEquals(0L, js("return document.querySelectorAll('img, iframe, object, embed, link').length"));
        assertEquals(0L, js("return document.querySelectorAll('[onerror], [onload], [onclick]').length"));
        assertEquals(1L, js("return document.scripts.length"), "only the page's own script element");
        assertEquals(List.of(), js("return window.__dialogs"), "no dialog was opened");
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
        assertEquals(List.of(), js("return window.__csp"), "nothing was blocked: nothing tried to load or run");
        assertEquals(0L, js("return performance.getEntriesByType('resource').length"), "no network requests");

        // the whole page as a person scrolls through it, two projects open
        long height = Math.min(12000L, (Long) js("return document.documentElement.scrollHeight"));
        driver.manage().window().setSize(new Dimension(1400, (int) height));
        js("window.scrollTo(0, 0)");
        Files.write(shots.resolve("full-page.png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
