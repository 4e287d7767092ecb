package io.loopscout.runner.translate;

import io.loopscout.core.Failure;
import io.loopscout.core.FormulaGuard;
import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The c2rust experiment as a command: {@code native-runner/c2rust-bench.sh [--project bzip2|lz4|zlib] [--work DIR]
 * [--corpus-mb N] [--seed S] [--rounds R] [--slice-mb M] [--no-callgrind] [--no-rewrite]
 * [--workload compress|decompress]}. Prints the comparison table and writes {@code c2rust-functions.csv} and
 * {@code c2rust-table.md} into the work dir (by default {@code ~/.cache/loopscout/c2rust-bench} for bzip2,
 * {@code c2rust-bench-<project>} for the others).
 */
public final class CComparisonMain {

    private CComparisonMain() {
    }

    public static void main(String[] args) throws Exception {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "loopscout");
        CComparisonRunner.Settings d = CComparisonRunner.Settings.standard(cache.resolve("c2rust-bench"));
        Path work = null;
        String project = "bzip2";
        long corpusMb = d.corpusBytes() >> 20;
        long seed = d.seed();
        int rounds = d.rounds();
        long sliceMb = d.callgrindSliceBytes() >> 20;
        boolean callgrind = d.callgrind();
        boolean rewrite = true;
        List<String> workloads = d.workloads();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--project" -> project = args[++i];
                case "--work" -> work = Path.of(args[++i]);
                case "--corpus-mb" -> corpusMb = Long.parseLong(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--slice-mb" -> sliceMb = Long.parseLong(args[++i]);
                case "--no-callgrind" -> callgrind = false;
                case "--no-rewrite" -> rewrite = false;
                case "--workload" -> workloads = List.of(args[++i]);
                default -> {
                    System.err.println("unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        CTranslationRecipe recipe;
        try {
            recipe = CTranslationRecipe.named(project);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (work == null) {
            work = cache.resolve(project.equals("bzip2") ? "c2rust-bench" : "c2rust-bench-" + project);
        }
        Files.createDirectories(work);
        Sandbox sandbox = Sandbox.detect();
        RustToolchain toolchain = RustToolchain.detect();
        CargoBuild cargo = new CargoBuild(sandbox, toolchain);
        C2RustTranslator translator = C2RustTranslator.sandboxed(cargo);
        CComparisonRunner.Settings settings = new CComparisonRunner.Settings(work, corpusMb << 20, seed, rounds,
                sliceMb << 20, callgrind, d.cpu(), workloads);
        CComparisonRunner runner = new CComparisonRunner(sandbox, cargo, translator,
                rewrite ? new VerifiedLoopMatchRewrite(cargo, recipe.project()) : null,
                line -> System.err.println("[c2rust-bench] " + line));
        CComparisonRunner.Result result = runner.run(recipe, settings);
        if (result.comparison() == null) { // refused before anything ran (CComparisonRunner.outsideProject)
            result.failures().forEach(f -> System.out.println("failure: " + f.failureClass().id() + " " + f.stage()
                    + ": " + f.message()));
            return;
        }
        System.out.print(render(result.comparison()));
        Path csv = work.resolve("c2rust-functions.csv");
        Files.writeString(csv, functionsCsv(result.comparison()));
        Path md = work.resolve("c2rust-table.md");
        Files.writeString(md, markdown(result.comparison()));
        System.out.println("per-function counts: " + csv + "; tables: " + md);
        for (Failure f : result.failures()) {
            System.out.println("failure: " + f.failureClass().id() + " " + f.stage() + ": " + f.message());
        }
    }

    /** A plain-text rendering for the terminal (reports render the record their own way). */
    static String render(CComparison c) {
        StringBuilder b = new StringBuilder();
        b.append("project: ").append(c.project()).append(' ').append(c.version()).append('\n')
                .append("c2rust: ").append(c.c2rustVersion()).append("; ").append(c.rustc()).append('\n')
                .append("corpus: ").append(c.corpus()).append('\n')
                .append("host: ").append(c.host()).append('\n');
        b.append(String.format(Locale.ROOT, "%-10s %-20s %5s %9s %6s %22s %15s %9s %12s %8s%n", "workload",
                "variant", "runs", "median s", "cv", "time / C [95% CI]", "Ir", "Ir / C", "branches", "mispred"));
        for (CComparison.Row r : c.rows()) {
            b.append(String.format(Locale.ROOT, "%-10s %-20s %5d %9s %6s %22s %15s %9s %12s %8s%s%n", r.workload(),
                    r.variant().label(), r.runs(), fmt(r.medianSeconds(), "%.3f"), fmt(r.cv(), "%.3f"),
                    r.timeRatio() == null ? "-" : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", r.timeRatio(),
                            r.ciLow(), r.ciHigh()),
                    r.instructions() == null ? "-" : r.instructions().toString(), fmt(r.instructionRatio(), "%.3f"),
                    r.branches() == null ? "-" : r.branches().toString(),
                    r.mispredictions() == null ? "-" : r.mispredictions().toString(),
                    "ok".equals(r.status()) ? "" : "  (" + r.status() + ")"));
        }
        for (CComparison.Row r : c.rows()) {
            for (CComparison.FunctionCost f : r.functions()) {
                b.append(String.format(Locale.ROOT,
                        "  %-10s %-32s %-40s Ir %,15d  Bc %,13d  Bi %,11d  Bcm %,11d  Bim %,9d%n",
                        r.workload(), r.variant().label(), f.function(), f.instructions(), f.conditionalBranches(),
                        f.indirectBranches(), f.conditionalMispredictions(), f.indirectMispredictions()));
            }
        }
        for (CComparison.LoopRewrite l : c.loops()) {
            b.append("loop ").append(l.file()).append(':').append(l.line()).append(' ').append(l.function())
                    .append(l.rewritten() ? " REWRITTEN " : " left alone ").append(l.reason()).append('\n');
        }
        List<String> notes = c.notes();
        notes.forEach(n -> b.append("note: ").append(n).append('\n'));
        return b.toString();
    }

    /**
     * c2rust-functions.csv (RFC 4180): per workload, variant and function its own callgrind cost, with the
     * instructions relative to the same function in the C build.
     */
    static String functionsCsv(CComparison c) {
        StringBuilder b = new StringBuilder("workload,variant,function,instructions,instructions_vs_c,"
                + "conditional_branches,indirect_branches,conditional_mispredictions,indirect_mispredictions\r\n");
        java.util.Map<String, Long> cCost = new java.util.HashMap<>();
        for (CComparison.Row r : c.rows()) {
            if (r.variant() == CVariant.C) {
                r.functions().forEach(f -> cCost.put(r.workload() + "\u0000" + simpleName(f.function()),
                        f.instructions()));
            }
        }
        for (CComparison.Row r : c.rows()) {
            for (CComparison.FunctionCost f : r.functions()) {
                Long base = cCost.get(r.workload() + "\u0000" + simpleName(f.function()));
                b.append(csv(r.workload())).append(',').append(csv(r.variant().label())).append(',')
                        .append(csv(f.function())).append(',').append(f.instructions()).append(',')
                        .append(base == null || base == 0 ? "" : String.format(Locale.ROOT, "%.4f",
                                (double) f.instructions() / base)).append(',')
                        .append(f.conditionalBranches()).append(',').append(f.indirectBranches()).append(',')
                        .append(f.conditionalMispredictions()).append(',').append(f.indirectMispredictions())
                        .append("\r\n");
            }
        }
        return b.toString();
    }

    /**
     * The C name a function stands for: a translated {@code static} function is reported with its module path
     * ({@code lz4_c2rust::src::lz4::LZ4_decompress_generic}), the C one without.
     */
    static String simpleName(String function) {
        int at = function.lastIndexOf("::");
        return at < 0 ? function : function.substring(at + 2);
    }

    /**
     * c2rust-table.md: the whole-call table (time ratio with its CI, instructions, branches, mispredictions per
     * variant) and, per workload, the hot functions of every variant with their conditional and indirect branches.
     */
    static String markdown(CComparison c) {
        StringBuilder b = new StringBuilder();
        b.append("## ").append(c.project()).append(' ').append(c.version()).append("\n\n")
                .append("c2rust: ").append(c.c2rustVersion()).append("; ").append(c.rustc()).append("  \n")
                .append("corpus: ").append(c.corpus()).append("  \n")
                .append("host: ").append(c.host()).append("\n\n")
                .append("| workload | variant | runs | median s | time / C [95% CI] | Ir | Ir / C | branches | mispred |\n")
                .append("|---|---|---:|---:|---|---:|---:|---:|---:|\n");
        for (CComparison.Row r : c.rows()) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s | %s |%n", r.workload(),
                    r.variant().label() + ("ok".equals(r.status()) ? "" : " (" + r.status().replace("|", "/") + ")"),
                    r.runs(), fmt(r.medianSeconds(), "%.3f"),
                    r.timeRatio() == null ? "-" : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", r.timeRatio(),
                            r.ciLow(), r.ciHigh()),
                    r.instructions() == null ? "-" : String.format(Locale.ROOT, "%,d", r.instructions()),
                    fmt(r.instructionRatio(), "%.3f"),
                    r.branches() == null ? "-" : String.format(Locale.ROOT, "%,d", r.branches()),
                    r.mispredictions() == null ? "-" : String.format(Locale.ROOT, "%,d", r.mispredictions())));
        }
        for (String workload : c.rows().stream().map(CComparison.Row::workload).distinct().toList()) {
            b.append("\n### ").append(workload).append(": hot functions (self cost on the callgrind slice)\n\n")
                    .append("| variant | function | Ir | Bc | Bi | Bcm | Bim |\n|---|---|---:|---:|---:|---:|---:|\n");
            for (CComparison.Row r : c.rows()) {
                if (!r.workload().equals(workload)) {
                    continue;
                }
                for (CComparison.FunctionCost f : r.functions()) {
                    if (f.instructions() * 100 < (r.instructions() == null ? 0 : r.instructions())) {
                        continue; // under 1% of the call: not where the difference is
                    }
                    b.append(String.format(Locale.ROOT, "| %s | `%s` | %,d | %,d | %,d | %,d | %,d |%n",
                            r.variant().label(), simpleName(f.function()), f.instructions(), f.conditionalBranches(),
                            f.indirectBranches(), f.conditionalMispredictions(), f.indirectMispredictions()));
                }
            }
        }
        if (!c.loops().isEmpty()) {
            b.append("\n### loops of the translation\n\n");
            for (CComparison.LoopRewrite l : c.loops()) {
                b.append("- ").append(l.file()).append(':').append(l.line()).append(" `").append(l.function())
                        .append("` ").append(l.rewritten() ? "**rewritten**: " : "left alone: ")
                        .append(l.reason()).append('\n');
            }
        }
        return b.toString();
    }

    /** One RFC 4180 field, formula-guarded as in the project's other CSVs ({@link FormulaGuard}). */
    private static String csv(String s) {
        String t = FormulaGuard.guard(s);
        return t.matches("[^,\"\r\n]*") ? t : "\"" + t.replace("\"", "\"\"") + "\"";
    }

    private static String fmt(Double v, String f) {
        return v == null ? "-" : String.format(Locale.ROOT, f, v);
    }
}
