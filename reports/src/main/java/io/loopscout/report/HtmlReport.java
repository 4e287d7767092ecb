package io.loopscout.report;

import io.loopscout.core.Failure;
import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.extract.Sha256;
import io.loopscout.extract.rewrite.LoopOutcome;
import io.loopscout.manifest.Popularity;
import io.loopscout.runner.EvidenceTier;
import io.loopscout.runner.Measurement;
import io.loopscout.runner.VariantStats;
import io.loopscout.runner.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * report.html: one self-contained page (no external assets, no network: a Content-Security-Policy allows only
 * the page's own style and script, by hash). Every corpus string goes through {@link Html#esc}; no corpus data is
 * put inside the script, which reads what it needs (sort keys) from escaped attributes.
 */
public final class HtmlReport {

    /** The file name in the output folder. */
    public static final String FILE = "report.html";

    static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#0f172a;background:#f8fafc}
            header,main,footer{max-width:1360px;margin:0 auto;padding:0 20px}
            header{padding-top:18px}h1{margin:0 0 4px;font-size:24px}h2{margin:28px 0 10px;font-size:19px}
            h3{font-size:16px;margin:18px 0 6px}h4{font-size:14px;margin:14px 0 4px}
            nav a{margin-right:14px}.sub{color:#475569}.note{color:#475569;font-style:italic}
            .cards{display:flex;flex-wrap:wrap;gap:10px}.card{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:10px 14px;min-width:140px}
            .card b{display:block;font-size:22px}
            .alert{background:#fef2f2;border:1px solid #fca5a5;border-radius:8px;padding:10px 14px;margin:0 0 12px}
            table{border-collapse:collapse;background:#fff}th,td{border:1px solid #e2e8f0;padding:4px 8px;text-align:left;vertical-align:top}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            #ranking-table{font-size:13px}#ranking-table td.num,#ranking-table td[class^=v-]{white-space:nowrap}#ranking-table th{cursor:pointer;user-select:none;background:#f1f5f9;white-space:nowrap}
            #ranking-table th[aria-sort=ascending]::after{content:" \\25B2"}#ranking-table th[aria-sort=descending]::after{content:" \\25BC"}
            .controls{display:flex;gap:10px;align-items:center;margin:8px 0}.controls input{padding:4px 8px;width:280px}
            .v-improved{color:#15803d;font-weight:600}.v-regressed{color:#b91c1c;font-weight:600}.v-unstable{color:#b45309}
            details.project{background:#fff;border:1px solid #cbd5e1;border-radius:8px;margin:8px 0;padding:6px 12px}
            details.project>summary{cursor:pointer;font-weight:600;padding:4px 0}
            dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:6px 0}dl.kv dt{color:#475569}dl.kv dd{margin:0;overflow-wrap:anywhere}
            .finding{border-top:1px solid #e2e8f0;padding:6px 0 10px}.finding .where{overflow-wrap:anywhere}
            .code{display:flex;border:1px solid #e2e8f0;border-radius:6px;background:#0f172a;color:#e2e8f0;overflow:auto;max-height:420px}
            .code pre{margin:0;padding:8px 10px;font:12px/1.45 ui-monospace,"DejaVu Sans Mono",monospace}
            .code pre.gutter{color:#64748b;text-align:right;border-right:1px solid #334155;user-select:none}
            .k{color:#93c5fd;font-weight:600}.s{color:#86efac}.c{color:#94a3b8;font-style:italic}.n{color:#fca5a5}.m{color:#f0abfc}.a{color:#fcd34d}
            .pics{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start;margin-top:8px}
            svg.graph,svg.chart{background:#fff;border:1px solid #e2e8f0;border-radius:6px;max-width:100%;height:auto}
            pre.diff{background:#fff;border:1px solid #e2e8f0;padding:8px;overflow:auto;max-height:420px;font:12px/1.4 ui-monospace,monospace}
            pre.diff .add{color:#15803d}pre.diff .del{color:#b91c1c}pre.diff .hunk{color:#7c3aed}
            pre.formula{background:#fff;border:1px solid #e2e8f0;padding:10px;white-space:pre-wrap}
            .legend span{margin-right:12px}.sw{display:inline-block;width:18px;height:0;border-top:2px solid;vertical-align:middle;margin-right:4px}
            .sw.constant{border-color:#2563eb}.sw.fallthrough{border-color:#7c3aed;border-top-style:dashed}.sw.dynamic{border-color:#b45309;border-top-style:dashed}.sw.exit{border-color:#dc2626}
            td pre{margin:0;white-space:pre-wrap}svg.defs{position:absolute}.scroll{overflow-x:auto;max-width:100%}#ranking-table td:nth-child(2){max-width:260px;overflow-wrap:anywhere}
            section.c2rust{border-top:1px solid #e2e8f0;margin-top:14px}section.c2rust figure{margin:10px 0}tr.missing td{color:#64748b}td.status{max-width:360px;overflow-wrap:anywhere}
            details.functions{margin:6px 0 10px}details.functions>summary{cursor:pointer;color:#475569}
            footer{color:#64748b;padding:30px 20px}#findings-table{font-size:13px}details.body>summary{cursor:pointer;color:#475569;margin:4px 0}a.anchor{color:#94a3b8;text-decoration:none}
            #ranking-table td.version{max-width:16ch;overflow-wrap:anywhere;font-family:ui-monospace,monospace;font-size:12px}
            main,header{overflow-wrap:anywhere}td.num,th{overflow-wrap:normal}
            @media (max-width:600px){header,main,footer{padding:0 10px}.controls{flex-wrap:wrap}.controls input{width:100%}
              .card{min-width:0;flex:1 1 40%}dl.kv{grid-template-columns:1fr}table{font-size:12px}
              nav{display:flex;flex-wrap:wrap;gap:4px 12px}nav a{margin:0}}
            """;

    static final String SCRIPT = """
            (function () {
              'use strict';
              var table = document.getElementById('ranking-table');
              var tbody = table.tBodies[0];
              var heads = table.tHead.rows[0].cells;
              function key(row, i, num) {
                var cell = row.cells[i];
                var v = cell.getAttribute('data-v');
                if (num) { return v === null || v === '' ? NaN : parseFloat(v); }
                return (v === null ? cell.textContent : v).toLowerCase();
              }
              function sortBy(i, wanted) {
                var th = heads[i];
                var num = th.getAttribute('data-type') === 'num';
                var cur = th.getAttribute('aria-sort');
                var dir = wanted ? (wanted === 'asc' ? 1 : -1)
                    : cur ? (cur === 'ascending' ? -1 : 1) : (th.getAttribute('data-first') === 'desc' ? -1 : 1);
                for (var j = 0; j < heads.length; j++) { heads[j].removeAttribute('aria-sort'); }
                th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
                var rows = Array.prototype.slice.call(tbody.rows);
                rows.sort(function (a, b) {
                  var x = key(a, i, num), y = key(b, i, num), c = 0;
                  if (num) {
                    if (isNaN(x) || isNaN(y)) { c = isNaN(x) === isNaN(y) ? 0 : (isNaN(x) ? 1 : -1); }
                    else { c = (x - y) * dir; }
                  } else { c = x < y ? -dir : (x > y ? dir : 0); }
                  return c !== 0 ? c : parseInt(a.getAttribute('data-rank'), 10) - parseInt(b.getAttribute('data-rank'), 10);
                });
                rows.forEach(function (r) { tbody.appendChild(r); });
                saveState();
              }
              Array.prototype.forEach.call(heads, function (th, i) {
                th.addEventListener('click', function () { sortBy(i); });
                th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortBy(i); } });
              });
              // sort and filters live in the query string, so a link or a reload shows the same view
              function saveState() {
                if (!window.history || !history.replaceState || !filter) { return; }
                var p = new URLSearchParams();
                Array.prototype.forEach.call(heads, function (th) {
                  var s = th.getAttribute('aria-sort');
                  if (s) { p.set('sort', th.getAttribute('data-key')); p.set('dir', s === 'ascending' ? 'asc' : 'desc'); }
                });
                if (filter.value) { p.set('q', filter.value); }
                if (tier.value) { p.set('tier', tier.value); }
                if (fPattern && fPattern.value) { p.set('pattern', fPattern.value); }
                if (fEligible && fEligible.value) { p.set('eligible', fEligible.value); }
                if (fRewrite && fRewrite.value) { p.set('rewrite', fRewrite.value); }
                var q = p.toString();
                try { history.replaceState(null, '', (q ? '?' + q : location.pathname) + location.hash); } catch (e) { /* a browser that refuses file: state */ }
              }
              var filter = document.getElementById('filter');
              var tier = document.getElementById('tier');
              var shown = document.getElementById('shown');
              var params = new URLSearchParams(location.search);
              if (params.get('q')) { filter.value = params.get('q'); }
              if (params.get('tier')) { tier.value = params.get('tier'); }
              var fPattern = document.getElementById('f-pattern');
              var fEligible = document.getElementById('f-eligible');
              var fRewrite = document.getElementById('f-rewrite');
              var fTable = document.getElementById('findings-table');
              if (params.get('pattern')) { fPattern.value = params.get('pattern'); }
              if (params.get('eligible')) { fEligible.value = params.get('eligible'); }
              if (params.get('rewrite')) { fRewrite.value = params.get('rewrite'); }
              function applyFindingFilter() {
                var n = 0, rowsF = fTable.tBodies[0].rows;
                Array.prototype.forEach.call(rowsF, function (r) {
                  var ok = (fPattern.value === '' || r.getAttribute('data-pattern') === fPattern.value)
                      && (fEligible.value === '' || r.getAttribute('data-eligible') === fEligible.value)
                      && (fRewrite.value === '' || r.getAttribute('data-rewrite') === fRewrite.value);
                  r.hidden = !ok;
                  if (ok) { n++; }
                });
                document.getElementById('f-shown').textContent = n + ' of ' + rowsF.length + ' findings shown';
                saveState();
              }
              fPattern.addEventListener('change', applyFindingFilter);
              fEligible.addEventListener('change', applyFindingFilter);
              fRewrite.addEventListener('change', applyFindingFilter);
              function applyFilter() {
                var q = filter.value.trim().toLowerCase();
                var t = tier.value;
                var n = 0;
                Array.prototype.forEach.call(tbody.rows, function (r) {
                  var ok = (q === '' || r.textContent.toLowerCase().indexOf(q) >= 0)
                      && (t === '' || r.getAttribute('data-tier') === t);
                  r.hidden = !ok;
                  if (ok) { n++; }
                });
                shown.textContent = n + ' of ' + tbody.rows.length + ' projects shown';
                saveState();
              }
              filter.addEventListener('input', applyFilter);
              tier.addEventListener('change', applyFilter);
              Array.prototype.forEach.call(heads, function (th, i) {
                if (params.get('sort') === th.getAttribute('data-key')) { sortBy(i, params.get('dir') === 'asc' ? 'asc' : 'desc'); }
              });
              applyFilter();
              applyFindingFilter();
              // a loop body is a template until its details open the first time
              document.addEventListener('toggle', function (e) {
                var d = e.target;
                if (d.tagName === 'DETAILS' && d.open && d.classList.contains('body')) {
                  var t = d.querySelector(':scope > template');
                  if (t) { d.appendChild(t.content.cloneNode(true)); t.remove(); }
                }
              }, true);
              function openTarget(hash) {
                var el = hash ? document.getElementById(hash.slice(1)) : null;
                if (!el) { return; }
                for (var d = el; d; d = d.parentElement) { if (d.tagName === 'DETAILS') { d.open = true; } }
                el.scrollIntoView();
              }
              document.addEventListener('click', function (e) {
                var a = e.target.closest ? e.target.closest('a.open') : null;
                if (a) { openTarget(a.getAttribute('href')); }
              });
              window.addEventListener('hashchange', function () { openTarget(location.hash); });
              openTarget(location.hash);
            })();
            """;

    /** Findings drawn per project; the rest are counted (a generated file can hold thousands). */
    static final int MAX_FINDINGS_SHOWN = 100;

    /** Snippet lines shown per finding (a state loop can span a thousand lines). */
    static final int MAX_SNIPPET_LINES = 300;

    /** The Content-Security-Policy: nothing may load; only this page's own style and script run (by hash). */
    static final String CSP = "default-src 'none'; style-src '" + sha256(CSS) + "'; script-src '"
            + sha256(SCRIPT) + "'; img-src 'none'; base-uri 'none'; form-action 'none'";

    private HtmlReport() {
    }

    /**
     * The page.
     *
     * @param results      the ranked results
     * @param failures     every failure of the run
     * @param run          what ran
     * @param scoreFormula how the score is computed (plain text, shown in the page)
     */
    public static String render(List<ProjectResult> results, List<Failure> failures, RunInfo run,
                                String scoreFormula) {
        return render(results, failures, run, scoreFormula, Changes.none());
    }

    /** The page, opening with what changed since the baseline run. */
    public static String render(List<ProjectResult> results, List<Failure> failures, RunInfo run,
                                String scoreFormula, Changes changes) {
        List<ProjectResult> ordered = ProjectsCsv.sorted(results);
        List<Failure> sortedFailures = failures.stream().sorted(FailuresCsv.ORDER).toList();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(Html.esc(CSP)).append("\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>loopscout report</title>\n<style>").append(CSS).append("</style>\n</head><body>\n");
        h.append("<header><h1>loopscout report</h1><p class=\"sub\">State machines and dispatch loops that RFC 3720 ")
                .append("(<code>#[loop_match]</code>) could speed up. Run of ").append(Html.esc(run.manifest()))
                .append(", ").append(Html.esc(readable(run.start()))).append(" to ")
                .append(Html.esc(readable(run.end()))).append(", measure mode ")
                .append(Html.esc(run.measureMode())).append(".</p>")
                .append("<nav><a href=\"#changes\">Changes</a><a href=\"#summary\">Summary</a><a href=\"#ranking\">Ranking</a>")
                .append("<a href=\"#findings\">Findings</a>")
                .append("<a href=\"#projects\">Projects</a><a href=\"#failures\">Failures</a>")
                .append("<a href=\"#run\">Hardware and toolchain</a><a href=\"#scoring\">Scoring</a></nav></header>\n<main>\n");
        changesSection(h, changes);
        summary(h, ordered, sortedFailures, run);
        ranking(h, ordered);
        findingsTable(h, ordered);
        projects(h, ordered, sortedFailures);
        failuresSection(h, sortedFailures);
        runSection(h, run, scoreFormula);
        h.append("</main>\n<footer>Generated by loopscout ").append(Html.esc(run.loopscoutVersion()))
                .append(". Speed-ups are time(A) / time(variant): above 1× is faster. Model-tier figures are upper")
                .append(" bounds for the finding's state graph on this machine, not measurements of the project.</footer>\n")
                .append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        return h.toString();
    }

    /** Writes report.html into {@code outDir}. */
    public static Path write(Path outDir, List<ProjectResult> results, List<Failure> failures, RunInfo run,
                             String scoreFormula, Changes changes) {
        return OutputFile.write(outDir, FILE, render(results, failures, run, scoreFormula, changes));
    }

    /** The corpus in figures: Rust state machines by form, rewritable loops (run.json's {@code corpus}). */
    private static void corpusSection(StringBuilder h, CorpusSummary c) {
        CorpusSummary.Tally loops = c.of(CorpusSummary.MachineForm.LOOP_FORM);
        CorpusSummary.Tally steps = c.of(CorpusSummary.MachineForm.STEP);
        CorpusSummary.Tally dispatch = c.of(CorpusSummary.MachineForm.DISPATCH);
        h.append("<h3>Corpus</h3><table id=\"corpus\"><tbody>")
                .append("<tr><th>Projects with findings</th><td class=\"num\">").append(c.projectsWithFindings())
                .append(" of ").append(c.projects()).append("</td></tr>")
                .append("<tr><th>Loop-form state machines (a loop matching on its state)</th><td class=\"num\">")
                .append(loops.findings()).append(" in ").append(inProjects(loops.projects()))
                .append("</td></tr>")
                .append("<tr><th>Step machines (a step function called by a driver loop)</th><td class=\"num\">")
                .append(steps.findings()).append(" in ").append(inProjects(steps.projects()))
                .append("</td></tr>")
                .append("<tr><th>Dispatch loops (interpreters)</th><td class=\"num\">").append(dispatch.findings())
                .append(" in ").append(inProjects(dispatch.projects())).append("</td></tr>")
                .append("<tr><th>Rewritable loops (eligible for <code>#[loop_match]</code>)</th><td class=\"num\">")
                .append(c.rewritable()).append(" in ").append(inProjects(c.rewritableProjects()))
                .append("</td></tr>");
        if (c.rewriteAttempted() > 0) {
            h.append("<tr><th>Rewritten and compile-verified</th><td class=\"num\">").append(c.rewritten())
                    .append(" of ").append(c.rewriteAttempted()).append(" attempted</td></tr>");
        }
        h.append("</tbody></table>");
    }

    private static String inProjects(int n) {
        return n + " " + Html.plural(n, "project", "projects");
    }

    /** Rows of the changes table shown in the page; changes.csv has them all. */
    static final int CHANGES_SHOWN = 200;

    private static void changesSection(StringBuilder h, Changes changes) {
        h.append("<section id=\"changes\"><h2>Changes since the previous run</h2>");
        if (changes.baseline() == null) {
            h.append("<p class=\"note\">No baseline: the first run into this output folder, so nothing to compare ")
                    .append("with (<code>--baseline DIR</code> names another run's outputs).</p></section>\n");
            return;
        }
        h.append("<p id=\"changes-count\">Compared with <code>").append(Html.esc(changes.baseline().toString()))
                .append("</code>: findings ").append(changes.count(Change.Kind.NEW, Change.Subject.FINDING))
                .append(" new, ").append(changes.count(Change.Kind.GONE, Change.Subject.FINDING)).append(" gone, ")
                .append(changes.count(Change.Kind.CHANGED, Change.Subject.FINDING)).append(" changed figures; projects ")
                .append(changes.count(Change.Kind.NEW, Change.Subject.PROJECT)).append(" new, ")
                .append(changes.count(Change.Kind.GONE, Change.Subject.PROJECT)).append(" gone, ")
                .append(changes.count(Change.Kind.CHANGED, Change.Subject.PROJECT)).append(" changed figures.</p>");
        if (changes.changes().isEmpty()) {
            h.append("<p class=\"note\">Nothing changed.</p></section>\n");
            return;
        }
        h.append("<div class=\"scroll\"><table id=\"changes-table\"><thead><tr><th>Change</th><th>Project</th>")
                .append("<th>Finding</th><th>Figure</th><th>Before</th><th>After</th></tr></thead><tbody>");
        for (Change c : changes.changes().subList(0, Math.min(CHANGES_SHOWN, changes.changes().size()))) {
            Change.FindingKey k = c.finding();
            h.append("<tr class=\"c-").append(c.kind().id()).append("\"><td>").append(c.kind().id()).append(' ')
                    .append(c.subject().id()).append("</td><td>").append(Html.esc(c.project())).append("</td><td>");
            if (c.subject() == Change.Subject.FINDING) {
                h.append("<code>").append(Html.esc(k.file())).append(c.line() > 0 ? ":" + c.line() : "")
                        .append("</code> ").append(Html.esc(k.function())).append(" <span class=\"sub\">")
                        .append(Html.esc(k.pattern())).append(k.ordinal() > 1 ? " #" + k.ordinal() : "")
                        .append("</span>");
            }
            h.append("</td><td>").append(Html.esc(c.field())).append("</td><td>").append(Html.esc(c.before()))
                    .append("</td><td>").append(Html.esc(c.after())).append("</td></tr>");
        }
        h.append("</tbody></table></div>");
        if (changes.changes().size() > CHANGES_SHOWN) {
            h.append("<p class=\"note\">The first ").append(CHANGES_SHOWN).append(" of ")
                    .append(changes.changes().size()).append(" changes; all of them are in changes.csv.</p>");
        }
        h.append("</section>\n");
    }

    private static void summary(StringBuilder h, List<ProjectResult> results, List<Failure> failures, RunInfo run) {
        int findings = results.stream().mapToInt(r -> r.findings().size()).sum();
        int eligible = results.stream().mapToInt(ProjectResult::eligibleCount).sum();
        List<ProjectResult> verified = results.stream().filter(r -> r.measuredSpeedup() != null
                && r.measurement().verdict() == Verdict.IMPROVED).toList();
        List<ProjectResult> modelGains = results.stream().filter(r -> r.measuredSpeedup() == null
                && r.modelSpeedup() != null && r.modelSpeedup() > 1).toList();
        List<ProjectResult> failed = results.stream().filter(ProjectResult::isFailed).toList();
        h.append("<section id=\"summary\"><h2>Summary</h2>");
        failureNotice(h, results, failed, failures);
        h.append("<div class=\"cards\">");
        card(h, results.size(), Html.plural(results.size(), "project", "projects"));
        card(h, failed.size(), "failed");
        card(h, run.counts().filesScanned(), "files scanned");
        card(h, findings, "findings");
        card(h, eligible, "eligible for #[loop_match]");
        card(h, verified.size(), "projects with verified gains");
        // a failed project has no findings, so the corpus tallies (which skip failed projects) count every finding
        CorpusSummary corpus = CorpusSummary.of(results);
        h.append("</div><h3>Findings by pattern</h3><table id=\"by-pattern\"><thead><tr><th>Pattern</th>")
                .append("<th>What it is</th><th class=\"num\">Projects</th><th class=\"num\">Findings</th>")
                .append("</tr></thead><tbody>");
        for (Pattern p : Pattern.values()) {
            h.append("<tr><td><code>").append(Html.esc(p.id())).append("</code></td><td>")
                    .append(Html.esc(p.description())).append("</td><td class=\"num\">")
                    .append(corpus.of(p).projects()).append("</td><td class=\"num\">")
                    .append(corpus.of(p).findings()).append("</td></tr>");
        }
        h.append("</tbody></table>");
        corpusSection(h, corpus);
        h.append("<h3>Verified gains (the project's own benchmark)</h3>");
        if (verified.isEmpty()) {
            h.append("<p class=\"note\">No project-tier gain was verified in this run.</p>");
        } else {
            h.append("<ul id=\"verified\">");
            for (ProjectResult r : verified) {
                Measurement m = r.measurement();
                h.append("<li><a class=\"open\" href=\"#p-").append(results.indexOf(r) + 1).append("\">").append(Html.esc(r.id()))
                        .append("</a>: ").append(times(m.speedup())).append(" (95% CI ").append(times(m.ciLow()))
                        .append(" to ").append(times(m.ciHigh())).append("), A/A′ noise ")
                        .append(percent(m.aaNoise())).append(", LLVM flag ").append(times(m.llvmFlagSpeedup()))
                        .append(instructions(r)).append("</li>");
            }
            h.append("</ul>");
        }
        List<ProjectResult> measured = results.stream().filter(r -> r.measuredSpeedup() != null
                || r.instructionsRatio() != null).toList();
        if (!measured.isEmpty()) {
            h.append("<h3>Every project-tier measurement (any verdict)</h3><ul id=\"measured\">");
            for (ProjectResult r : measured) {
                Measurement m = r.measurement();
                h.append("<li><a class=\"open\" href=\"#p-").append(results.indexOf(r) + 1).append("\">")
                        .append(Html.esc(r.id())).append("</a>: time ").append(times(m.speedup()))
                        .append(m.ciLow() == null ? "" : " (95% CI " + times(m.ciLow()) + " to " + times(m.ciHigh()) + ")")
                        .append(", ").append(Html.esc(m.verdict() == null ? "" : m.verdict().id()))
                        .append(instructions(r)).append("</li>");
            }
            h.append("</ul>");
        }
        if (!modelGains.isEmpty()) {
            h.append("<p>Model-kernel upper bounds above 1× (not measured on the project): ");
            for (int i = 0; i < modelGains.size(); i++) {
                ProjectResult r = modelGains.get(i);
                h.append(i == 0 ? "" : ", ").append(Html.esc(r.id())).append(' ').append(times(r.modelSpeedup()));
            }
            h.append(".</p>");
        }
        CComparisonHtml.summary(h, results);
        h.append("</section>\n");
    }

    /** ", instructions B/A 0.9601, D/A 0.9632" (callgrind's exact counts), or "" when none was counted. */
    static String instructions(ProjectResult r) {
        if (r.instructionsRatio() == null && r.llvmFlagInstructionsRatio() == null) {
            return "";
        }
        return ", instructions B/A " + (r.instructionsRatio() == null ? "–" : CsvTable.number(r.instructionsRatio(), 4))
                + ", D/A " + (r.llvmFlagInstructionsRatio() == null ? "–"
                        : CsvTable.number(r.llvmFlagInstructionsRatio(), 4));
    }

    /** At the top of the summary: which projects failed and in which stage, and the run's failures by class. */
    private static void failureNotice(StringBuilder h, List<ProjectResult> results, List<ProjectResult> failed,
                                      List<Failure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        Map<String, Integer> byClass = new java.util.TreeMap<>();
        failures.forEach(f -> byClass.merge(f.failureClass().id(), 1, Integer::sum));
        h.append("<div class=\"alert\" id=\"failure-notice\" role=\"alert\"><b>")
                .append(failed.size()).append(' ').append(Html.plural(failed.size(), "project", "projects"))
                .append(" failed</b>, ").append(failures.size()).append(' ')
                .append(Html.plural(failures.size(), "failure", "failures")).append(" in all (");
        String sep = "";
        for (Map.Entry<String, Integer> e : byClass.entrySet()) {
            h.append(sep).append(Html.esc(e.getKey())).append(' ').append(e.getValue());
            sep = ", ";
        }
        h.append("). <a href=\"#failures\">All failures</a>");
        if (!failed.isEmpty()) {
            h.append("<ul>");
            for (ProjectResult r : failed) {
                h.append("<li><a class=\"open\" href=\"#p-").append(results.indexOf(r) + 1).append("\">")
                        .append(Html.esc(r.id())).append("</a>: ").append(Html.esc(r.failure().stage())).append(", ")
                        .append(Html.esc(r.failure().failureClass().id())).append(" — ")
                        .append(Html.esc(Html.shorten(r.failure().message(), 160))).append("</li>");
            }
            h.append("</ul>");
        }
        h.append("</div>");
    }

    private static void card(StringBuilder h, long value, String label) {
        h.append("<div class=\"card\"><b>").append(value).append("</b>").append(Html.esc(label)).append("</div>");
    }

    private static void ranking(StringBuilder h, List<ProjectResult> results) {
        h.append("<section id=\"ranking\"><h2>Ranking</h2><div class=\"controls\">")
                .append("<input id=\"filter\" type=\"search\" placeholder=\"Filter: name, language, verdict…\" ")
                .append("aria-label=\"Filter projects\"><select id=\"tier\" aria-label=\"Evidence tier\">")
                .append("<option value=\"\">all evidence</option><option value=\"project\">project</option>")
                .append("<option value=\"model\">model</option><option value=\"static\">static</option></select>")
                .append("<span id=\"shown\" class=\"sub\"></span></div>");
        String[][] cols = {{"Rank", "num"}, {"Project", "text"}, {"Language", "text"}, {"Version", "text"},
            {"Popularity", "num"}, {"Findings", "num"}, {"Eligible", "num"}, {"Model", "num"},
            {"Measured", "num"}, {"95% CI (tier)", "num"}, {"Instr. B/A", "num"}, {"LLVM flag", "num"},
            {"Instr. D/A", "num"}, {"A/A′ noise", "num"},
            {"Verdict", "text"}, {"Evidence", "text"}, {"Score", "num"}};
        h.append("<div class=\"scroll\"><table id=\"ranking-table\"><thead><tr>");
        for (String[] c : cols) {
            // numbers sort best (largest) first on the first click; rank and text sort ascending
            boolean descFirst = "num".equals(c[1]) && !"Rank".equals(c[0]);
            h.append("<th tabindex=\"0\" data-key=\"").append(Html.esc(sortKey(c[0]))).append("\" data-type=\"")
                    .append(c[1]).append('"').append(descFirst ? " data-first=\"desc\"" : "")
                    .append("num".equals(c[1]) ? " class=\"num\"" : "").append('>').append(Html.esc(c[0]))
                    .append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (int pos = 1; pos <= results.size(); pos++) {
            ProjectResult r = results.get(pos - 1);
            Measurement m = r.measurement();
            String tier = m.tier() == null || r.isFailed() ? "" : m.tier().id();
            String verdict = ProjectsCsv.verdict(r);
            h.append("<tr data-rank=\"").append(pos).append("\" data-tier=\"").append(Html.esc(tier)).append("\">");
            numCell(h, r.isFailed() ? null : r.rank(), r.isFailed() ? "" : Integer.toString(r.rank()));
            h.append("<td><a class=\"open\" href=\"#p-").append(pos).append("\">").append(Html.esc(r.id()))
                    .append("</a></td><td>").append(r.spec().language() == null ? "" : r.spec().language().id())
                    .append("</td><td class=\"version\">").append(Html.esc(r.version())).append("</td>");
            numCell(h, r.reach(), humanCount(r.reach()));
            numCell(h, r.findings().size(), Integer.toString(r.findings().size()));
            numCell(h, r.eligibleCount(), Integer.toString(r.eligibleCount()));
            numCell(h, r.modelSpeedup(), times(r.modelSpeedup()));
            numCell(h, r.measuredSpeedup(), times(r.measuredSpeedup()));
            numCell(h, m.ciLow(), m.ciLow() == null || m.ciHigh() == null ? ""
                    : CsvTable.number(m.ciLow(), 3) + "–" + CsvTable.number(m.ciHigh(), 3) + " (" + tier + ")");
            numCell(h, r.instructionsRatio(), CsvTable.number(r.instructionsRatio(), 4));
            numCell(h, m.llvmFlagSpeedup(), times(m.llvmFlagSpeedup()));
            numCell(h, r.llvmFlagInstructionsRatio(), CsvTable.number(r.llvmFlagInstructionsRatio(), 4));
            numCell(h, m.aaNoise(), percent(m.aaNoise()));
            String why = r.verdictReason();
            h.append("<td class=\"v-").append(Html.esc(verdict)).append('"')
                    .append(why.isEmpty() ? "" : " title=\"" + Html.esc(why) + "\"").append('>').append(Html.esc(verdict))
                    .append(m.instability() == null ? "" : " <span class=\"sub\">(" + Html.esc(m.instability().kind().id()) + ")</span>")
                    .append("</td><td>").append(Html.esc(tier)).append("</td>");
            numCell(h, r.score(), CsvTable.number(r.score(), 3));
            h.append("</tr>");
        }
        h.append("</tbody></table></div></section>\n");
    }

    /** A column's name in the URL: {@code 95% CI} → {@code 95-ci}. */
    static String sortKey(String header) {
        return header.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** A count as people read it: 950, 12.3 k, 6 M, 120 M, 1.2 G. */
    static String humanCount(long n) {
        if (n < 1000) {
            return Long.toString(n);
        }
        String[] units = {" k", " M", " G", " T"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return CsvTable.number(v >= 100 ? Math.rint(v) : v, v >= 100 ? 0 : 1) + units[u];
    }

    /** An instant as people read it, to the second, in UTC. */
    static String readable(java.time.Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                .withZone(java.time.ZoneOffset.UTC).format(t);
    }

    /** Rows of the findings table; the CSV and SARIF have every finding. */
    static final int MAX_FINDING_ROWS = 2000;

    /** Every finding in one table, filterable by pattern, eligibility and rewrite outcome, each row linking to its detail. */
    private static void findingsTable(StringBuilder h, List<ProjectResult> results) {
        h.append("<section id=\"findings\"><h2>Findings</h2><div class=\"controls\">")
                .append("<select id=\"f-pattern\" aria-label=\"Pattern\"><option value=\"\">all patterns</option>");
        for (Pattern p : Pattern.values()) {
            h.append("<option value=\"").append(Html.esc(p.id())).append("\">").append(Html.esc(p.id())).append("</option>");
        }
        h.append("</select><select id=\"f-eligible\" aria-label=\"Eligibility\"><option value=\"\">any eligibility</option>")
                .append("<option value=\"eligible\">eligible</option><option value=\"not-eligible\">not eligible</option>")
                .append("<option value=\"n/a\">n/a (C)</option></select>")
                .append("<select id=\"f-rewrite\" aria-label=\"Rewrite outcome\"><option value=\"\">any rewrite outcome</option>");
        for (LoopOutcome.Status st : LoopOutcome.Status.values()) {
            h.append("<option value=\"").append(st.id()).append("\">").append(st.id()).append("</option>");
        }
        h.append("<option value=\"none\">no rewrite ran</option></select><span id=\"f-shown\" class=\"sub\"></span></div>")
                .append("<div class=\"scroll\"><table id=\"findings-table\"><thead><tr><th>Project</th><th>Where</th>")
                .append("<th>Function</th><th>Pattern</th><th class=\"num\">States</th><th class=\"num\">Constant</th>")
                .append("<th>Eligible</th><th>Rewrite</th></tr></thead><tbody>");
        int rows = 0;
        int total = 0;
        for (int pos = 1; pos <= results.size(); pos++) {
            ProjectResult r = results.get(pos - 1);
            List<Finding> findings = r.findings().stream().sorted(FindingsCsv.ORDER).toList();
            total += findings.size();
            for (int i = 0; i < findings.size() && rows < MAX_FINDING_ROWS; i++, rows++) {
                Finding f = findings.get(i);
                String eligible = f.eligible() == null ? "n/a" : f.eligible() ? "eligible" : "not-eligible";
                String anchor = i < MAX_FINDINGS_SHOWN ? findingAnchor(pos, i) : "p-" + pos;
                h.append("<tr data-pattern=\"").append(Html.esc(f.pattern() == null ? "" : f.pattern().id()))
                        .append("\" data-eligible=\"").append(eligible).append("\" data-rewrite=\"")
                        .append(f.rewrite() == null ? "none" : f.rewrite().status().id()).append("\"><td>")
                        .append(Html.esc(r.id()))
                        .append("</td><td><a class=\"open\" href=\"#").append(anchor).append("\">")
                        .append(Html.esc(f.file())).append(':').append(f.startLine()).append("</a></td><td>")
                        .append(Html.esc(f.function())).append("</td><td><code>")
                        .append(Html.esc(f.pattern() == null ? "" : f.pattern().id())).append("</code></td>")
                        .append("<td class=\"num\">").append(f.states()).append("</td><td class=\"num\">")
                        .append(f.constTransitions()).append("</td><td>")
                        .append(Html.esc(f.eligible() == null ? "" : f.eligible() ? "yes" : "no: " + f.reason()))
                        .append("</td><td>").append(Html.esc(f.rewrite() == null ? "" : f.rewrite().cell()))
                        .append("</td></tr>");
            }
        }
        h.append("</tbody></table></div>");
        if (total > rows) {
            h.append("<p class=\"note\">The first ").append(rows).append(" of ").append(total)
                    .append(" findings; all of them are in findings.csv.</p>");
        }
        h.append("</section>\n");
    }

    private static void numCell(StringBuilder h, Number sortKey, String shown) {
        String key = sortKey == null || sortKey instanceof Double d && !Double.isFinite(d) ? ""
                : sortKey instanceof Double d ? CsvTable.number(d, 6) : sortKey.toString();
        h.append("<td class=\"num\" data-v=\"").append(Html.esc(key)).append("\">").append(Html.esc(shown))
                .append("</td>");
    }

    private static void projects(StringBuilder h, List<ProjectResult> results, List<Failure> failures) {
        h.append("<section id=\"projects\"><h2>Projects</h2><p class=\"legend sub\">State graphs: ")
                .append("<span><i class=\"sw constant\"></i>constant transition</span>")
                .append("<span><i class=\"sw fallthrough\"></i>fallthrough</span>")
                .append("<span><i class=\"sw dynamic\"></i>dynamic (to ?)</span>")
                .append("<span><i class=\"sw exit\"></i>exit</span> State 0 is shaded; hover for full labels.</p>")
                .append(StateGraphSvg.markerDefs());
        for (int pos = 1; pos <= results.size(); pos++) {
            ProjectResult r = results.get(pos - 1);
            project(h, r, pos, failures.stream().filter(f -> f.project().equals(r.id())).toList());
        }
        h.append("</section>\n");
    }

    /** One project's expandable detail; {@code pos} is its place in the page (its anchor {@code #p-pos}). */
    private static void project(StringBuilder h, ProjectResult r, int pos, List<Failure> failures) {
        Measurement m = r.measurement();
        if (r.isFailed()) {
            h.append("<details class=\"project failed\" id=\"p-").append(pos).append("\"><summary>")
                    .append(Html.esc(r.id())).append(" <span class=\"sub\">failed in ")
                    .append(Html.esc(r.failure().stage())).append(" (").append(Html.esc(r.failure().failureClass().id()))
                    .append(")</span></summary><pre>").append(Html.esc(r.failure().message()))
                    .append("</pre></details>\n");
            return;
        }
        h.append("<details class=\"project\" id=\"p-").append(pos).append("\"><summary>#").append(r.rank())
                .append(' ').append(Html.esc(r.id())).append(" <span class=\"sub\">score ")
                .append(CsvTable.number(r.score(), 3)).append(" · ").append(r.findings().size())
                .append(Html.plural(r.findings().size(), " finding · ", " findings · ")).append(r.eligibleCount())
                .append(" eligible · ")
                .append(Html.esc(m.verdict() == null ? "" : m.verdict().id())).append(" (")
                .append(Html.esc(m.tier() == null ? "" : m.tier().id())).append(')')
                .append(r.cComparison() == null ? "" : " · c2rust experiment").append("</span></summary>");
        Popularity pop = r.spec().popularity();
        h.append("<dl class=\"kv\"><dt>Source</dt><dd>")
                .append(Html.esc(r.spec().source() == null ? "" : r.spec().source().display()))
                .append("</dd><dt>Resolved version</dt><dd><code>").append(Html.esc(r.version())).append("</code></dd>");
        if (pop != null) {
            h.append("<dt>Popularity</dt><dd>").append(humanCount(pop.downloads())).append(" downloads, ")
                    .append(humanCount(pop.stars()))
                    .append(" stars").append(pop.asOf() == null || pop.asOf().isEmpty() ? ""
                            : " (as of " + Html.esc(pop.asOf()) + ")").append("</dd>");
        }
        if (r.spec().subdir() != null) {
            h.append("<dt>Subdir</dt><dd>").append(Html.esc(r.spec().subdir())).append("</dd>");
        }
        if (r.spec().bench() != null) {
            h.append("<dt>Benchmark</dt><dd><code>").append(Html.esc(r.spec().bench().display())).append("</code></dd>");
        }
        if (r.spec().notes() != null) {
            h.append("<dt>Notes</dt><dd>").append(Html.esc(r.spec().notes())).append("</dd>");
        }
        if (!m.note().isEmpty()) {
            h.append("<dt>Measurement note</dt><dd>").append(Html.esc(m.note())).append("</dd>");
        }
        h.append("</dl>");
        h.append("<h3>Speed-up</h3>");
        String chart = SpeedupChartSvg.render(r);
        if (r.instructionsRatio() != null || r.llvmFlagInstructionsRatio() != null) {
            h.append("<p class=\"instructions\">Instructions (callgrind, exact): ").append(instructions(r).substring(2))
                    .append("</p>");
        }
        h.append(chart.isEmpty() ? "<p class=\"note\">Not measured: static evidence only (the extracted metrics).</p>"
                : chart);
        if (m.tier() == EvidenceTier.MODEL) {
            h.append("<p class=\"note\">Model tier: a generated kernel with this project's state graph; an upper bound")
                    .append(" on the gain, not a measurement of the project.</p>");
        }
        if (!m.variants().isEmpty()) {
            h.append("<div class=\"scroll\"><table class=\"variants\"><thead><tr><th>Variant</th><th class=\"num\">Runs</th>")
                    .append("<th class=\"num\">Median s</th><th class=\"num\">CV</th><th class=\"num\">Instructions</th>")
                    .append("<th class=\"num\">Branches</th><th class=\"num\">Mispredictions</th></tr></thead><tbody>");
            for (VariantStats v : m.variants()) {
                h.append("<tr><td>").append(Html.esc(v.variant())).append("</td><td class=\"num\">").append(v.runs())
                        .append("</td><td class=\"num\">").append(CsvTable.number(v.medianSeconds(), 6))
                        .append("</td><td class=\"num\">").append(CsvTable.number(v.cv(), 4))
                        .append("</td><td class=\"num\">").append(v.instructions() == null ? "" : v.instructions())
                        .append("</td><td class=\"num\">").append(v.branches() == null ? "" : v.branches())
                        .append("</td><td class=\"num\">").append(v.mispredictions() == null ? "" : v.mispredictions())
                        .append("</td></tr>");
            }
            h.append("</tbody></table></div>");
        }
        if (r.cComparison() != null) {
            CComparisonHtml.section(h, r.cComparison(), pos);
        }
        h.append("<h3>Findings</h3>");
        if (r.findings().isEmpty()) {
            h.append("<p class=\"note\">No findings.</p>");
        }
        List<Finding> findings = r.findings().stream().sorted(FindingsCsv.ORDER).toList();
        for (int i = 0; i < Math.min(findings.size(), MAX_FINDINGS_SHOWN); i++) {
            finding(h, r, findings.get(i), findingAnchor(pos, i));
        }
        if (findings.size() > MAX_FINDINGS_SHOWN) {
            h.append("<p class=\"note\">And ").append(findings.size() - MAX_FINDINGS_SHOWN)
                    .append(" more findings, listed in findings.csv and findings.sarif.</p>");
        }
        if (!r.patch().isEmpty()) {
            h.append("<h3>Rewrite patch</h3>").append(diff(r.patch()));
        }
        if (!failures.isEmpty()) {
            h.append("<h3>Failures</h3>");
            failureTable(h, failures, false);
        }
        h.append("</details>\n");
    }

    /** The anchor of a project's {@code i}-th finding (0-based) in the page: {@code #f-<project pos>-<i+1>}. */
    static String findingAnchor(int pos, int i) {
        return "f-" + pos + "-" + (i + 1);
    }

    private static void finding(StringBuilder h, ProjectResult r, Finding f, String anchor) {
        String link = Permalinks.of(r.spec(), r.version(), f);
        h.append("<div class=\"finding\" id=\"").append(anchor).append("\"><h4><a class=\"open anchor\" href=\"#")
                .append(anchor).append("\" title=\"link to this finding\">#</a> <code>").append(Html.esc(f.pattern() == null ? "" : f.pattern().id()))
                .append("</code> <span class=\"where\">").append(Html.esc(f.file())).append(':').append(f.startLine())
                .append('–').append(f.endLine()).append("</span>");
        if (f.function() != null && !f.function().isEmpty()) {
            h.append(" in <code>").append(Html.esc(f.function())).append("</code>");
        }
        if (f.driverFunction() != null) {
            h.append(", driven by <code>").append(Html.esc(f.driverFunction())).append("</code>:")
                    .append(f.driverLine());
        }
        if (!link.isEmpty()) {
            h.append(" <a href=\"").append(Html.httpsHref(link)).append("\" rel=\"noopener noreferrer\">source</a>");
        }
        h.append("</h4><p>").append(f.states()).append(" states, ").append(f.constTransitions())
                .append(" constant and ").append(f.dynamicTransitions()).append(" dynamic transitions, ")
                .append(f.fallthroughs()).append(" fallthroughs, ").append(f.exits()).append(" exits");
        if (f.stateVariable() != null && !f.stateVariable().isEmpty()) {
            h.append("; state <code>").append(Html.esc(f.stateVariable())).append("</code>");
        }
        if (f.stateType() != null) {
            h.append(" (").append(Html.esc(f.stateType())).append(')');
        }
        if (Boolean.TRUE.equals(f.eligible())) {
            h.append("; <b>eligible</b> for <code>#[loop_match]</code>");
        } else if (Boolean.FALSE.equals(f.eligible())) {
            h.append("; not eligible: ").append(Html.esc(f.reason()));
        }
        if (f.rewrite() != null) {
            h.append("; rewrite: <span class=\"rewrite\">").append(Html.esc(f.rewrite().cell())).append("</span>");
        }
        if (f.parseErrors() > 0) {
            h.append("; ").append(f.parseErrors()).append(" parse errors");
        }
        if (f.confidence() == Finding.Confidence.LOW) {
            h.append("; low confidence");
        }
        if (f.modelSpeedup() != null) {
            h.append("; model speed-up ").append(times(f.modelSpeedup()));
        }
        h.append(".</p>");
        if (f.snippet() != null && !f.snippet().isEmpty()) {
            boolean rust = f.language() == io.loopscout.core.Language.RUST;
            String snippet = firstLines(f.snippet(), MAX_SNIPPET_LINES);
            int first = Math.max(1, f.startLine());
            String head = firstLines(snippet, HEAD_LINES);
            String body = snippet.substring(head.length()).replaceFirst("^\n", "");
            if (body.lines().count() <= 3) {
                head = snippet; // a short loop is shown whole
                body = "";
            }
            codeBlock(h, head, first, rust);
            if (!body.isEmpty()) {
                // the body is inert (a template) until asked for: long loops cost neither layout nor height
                int bodyLines = (int) body.lines().count();
                h.append("<details class=\"body\"><summary>Show the loop body (").append(bodyLines)
                        .append(Html.plural(bodyLines, " more line", " more lines")).append(")</summary><template>");
                codeBlock(h, body, first + (int) head.lines().count(), rust);
                h.append("</template></details>");
            }
            if (snippet.length() < f.snippet().length()) {
                h.append("<p class=\"note\">Snippet cut after ").append(MAX_SNIPPET_LINES)
                        .append(" lines; the loop ends on line ").append(f.endLine()).append(".</p>");
            }
        }
        String graph = StateGraphSvg.render(f.graph());
        if (!graph.isEmpty()) {
            h.append("<div class=\"pics\">").append(graph).append("</div>");
        }
        h.append("</div>");
    }

    /** Lines of a loop shown at first: the head and the start of the dispatch. */
    static final int HEAD_LINES = 12;

    /** A highlighted code block with line numbers from {@code firstLine}. */
    private static void codeBlock(StringBuilder h, String code, int firstLine, boolean rust) {
        int lines = (int) code.chars().filter(c -> c == '\n').count() + (code.endsWith("\n") ? 0 : 1);
        StringBuilder gutter = new StringBuilder();
        for (int k = 0; k < lines; k++) {
            gutter.append(k == 0 ? "" : "\n").append(firstLine + k);
        }
        h.append("<div class=\"code\"><pre class=\"gutter\" aria-hidden=\"true\">").append(gutter)
                .append("</pre><pre class=\"src\"><code>").append(CodeHighlighter.highlight(code, rust))
                .append("</code></pre></div>");
    }

    /** The first {@code max} lines of {@code text}. */
    private static String firstLines(String text, int max) {
        int at = -1;
        for (int k = 0; k < max; k++) {
            at = text.indexOf('\n', at + 1);
            if (at < 0) {
                return text;
            }
        }
        return at + 1 >= text.length() ? text : text.substring(0, at);
    }

    /** A unified diff with added, removed and hunk lines marked. */
    static String diff(String patch) {
        StringBuilder sb = new StringBuilder("<pre class=\"diff\">");
        String[] lines = patch.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == lines.length - 1 && line.isEmpty()) {
                break;
            }
            String cls = line.startsWith("+++") || line.startsWith("---") ? "hunk" : line.startsWith("@@") ? "hunk"
                    : line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : null;
            if (cls == null) {
                sb.append(Html.esc(line));
            } else {
                sb.append("<span class=\"").append(cls).append("\">").append(Html.esc(line)).append("</span>");
            }
            sb.append('\n');
        }
        return sb.append("</pre>").toString();
    }

    private static void failuresSection(StringBuilder h, List<Failure> failures) {
        h.append("<section id=\"failures\"><h2>Failures</h2>");
        if (failures.isEmpty()) {
            h.append("<p class=\"note\">None.</p>");
        } else {
            failureTable(h, failures, true);
        }
        h.append("</section>\n");
    }

    private static void failureTable(StringBuilder h, List<Failure> failures, boolean withProject) {
        h.append("<table class=\"failures\"><thead><tr>").append(withProject ? "<th>Project</th>" : "")
                .append("<th>Stage</th><th>Class</th><th>Message</th></tr></thead><tbody>");
        for (Failure f : failures) {
            h.append("<tr>");
            if (withProject) {
                h.append("<td>").append(Html.esc(f.project())).append("</td>");
            }
            h.append("<td>").append(Html.esc(f.stage())).append("</td><td>").append(Html.esc(f.failureClass().id()))
                    .append("</td><td><pre>").append(Html.esc(f.message())).append("</pre></td></tr>");
        }
        h.append("</tbody></table>");
    }

    private static void runSection(StringBuilder h, RunInfo run, String scoreFormula) {
        RunInfo.Counts c = run.counts();
        h.append("<section id=\"run\"><h2>Hardware and toolchain</h2><dl class=\"kv\">");
        kv(h, "CPU", run.cpuModel() + " (" + run.cores() + " logical cores)");
        kv(h, "rustc", run.rustcVersion());
        kv(h, "cc", run.ccVersion());
        kv(h, "valgrind", run.valgrindVersion());
        kv(h, "Sandbox", run.sandbox());
        kv(h, "Timing", run.timing());
        kv(h, "loopscout", run.loopscoutVersion());
        kv(h, "Runner", run.runner());
        kv(h, "Measure mode", run.measureMode());
        kv(h, "Manifest", run.manifest());
        kv(h, "Started", readable(run.start()));
        kv(h, "Ended", readable(run.end()) + " (" + Duration.between(run.start(), run.end()).toSeconds() + " s)");
        kv(h, "Files", c.filesScanned() + " scanned, " + c.filesSkippedTooLarge() + " over 2 MB skipped, "
                + c.binaryFilesSkipped() + " binary skipped, " + c.symlinksRefused() + " symlinks refused");
        kv(h, "Parsing", c.parseErrors() + " files with parse errors, " + c.notUtf8() + " not UTF-8, "
                + c.notAnalysed() + " not analysed (" + notAnalysedByOutcome(c) + ")");
        h.append("</dl></section>\n<section id=\"scoring\"><h2>Scoring</h2><pre class=\"formula\">")
                .append(Html.esc(scoreFormula)).append("</pre></section>\n");
    }

    /** The outcomes of the files not analysed, those that occurred: "2 too_deep, 1 parse_timeout". */
    private static String notAnalysedByOutcome(RunInfo.Counts c) {
        String s = c.fileOutcomes().entrySet().stream().filter(e -> !e.getKey().analysed() && e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().key()).collect(java.util.stream.Collectors.joining(", "));
        return s.isEmpty() ? "none" : s;
    }

    /** A definition-list entry, both sides escaped. */
    static void kv(StringBuilder h, String key, String value) {
        h.append("<dt>").append(Html.esc(key)).append("</dt><dd>").append(Html.esc(value)).append("</dd>");
    }

    /** {@code 1.12×}, or empty for a missing or non-finite value. */
    static String times(Double v) {
        return v == null || !Double.isFinite(v) ? "" : CsvTable.number(v, 3) + "×";
    }

    private static String percent(Double v) {
        return v == null || !Double.isFinite(v) ? "" : "±" + CsvTable.number(100 * Math.abs(v), 2) + "%";
    }

    /** The CSP source expression of a text's SHA-256 ({@code sha256-BASE64}). */
    static String sha256(String text) {
        return "sha256-" + Base64.getEncoder().encodeToString(Sha256.of(text));
    }
}
