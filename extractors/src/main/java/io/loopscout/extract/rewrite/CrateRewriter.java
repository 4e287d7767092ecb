package io.loopscout.extract.rewrite;

import io.loopscout.core.FileTrees;
import io.loopscout.core.Language;
import io.loopscout.extract.Extractor;
import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.extract.SourceFile;
import io.loopscout.extract.rust.RustExtractor;
import io.loopscout.extract.rust.RustSymbols;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Rewrites the eligible state loops of a crate to the {@code #[loop_match]} form and proves each rewrite by
 * compiling: all work happens in a scratch copy; the rewritten crate must build on stable (bootstrapped, without
 * the cfg, when its root declares {@code #![feature]} itself) and with {@code RUSTC_BOOTSTRAP=1 --cfg loop_match};
 * a loop whose rewrite breaks either build is put back on its own
 * (bisecting when several fail together) and recorded with rustc's first error. The crate directory itself is
 * written only in {@link Mode#IN_PLACE}, and only with a verified result.
 */
public final class CrateRewriter {

    /** What to do with a verified rewrite. */
    public enum Mode {
        /** Write the changed files into the crate. */
        IN_PLACE,
        /** Verify only; the crate is untouched, the result tells what would change. */
        CHECK,
        /** Verify and return the diff; the crate is untouched. */
        PATCH
    }

    private static final Set<Pattern> REWRITTEN_PATTERNS = Set.of(Pattern.RUST_STATE_LOOP,
            Pattern.RUST_FIELD_STATE_LOOP, Pattern.RUST_C2RUST_CURRENT_BLOCK);

    /** True for a finding of a pattern the rewriter acts on (the state family). */
    public static boolean rewrites(Finding f) {
        return f.pattern() != null && REWRITTEN_PATTERNS.contains(f.pattern());
    }

    private final Function<List<SourceFile>, Extractor> extractors;
    private final CrateBuilderFactory builders;
    private final LoopMatchRewriter rewriter = new LoopMatchRewriter();

    /** Makes the builder for one rewrite, given its private scratch directory for build output. */
    public interface CrateBuilderFactory {
        CrateBuilder create(Path scratchTarget);
    }

    /**
     * @param extractors makes the Rust extractor that finds the loops, given all Rust files of the crate (one
     *                   per call: extractors are not thread-safe)
     * @param builders   makes the builder that verifies rewrites
     */
    public CrateRewriter(Function<List<SourceFile>, Extractor> extractors, CrateBuilderFactory builders) {
        this.extractors = extractors;
        this.builders = builders;
    }

    /**
     * A rewriter whose extractor needs no crate-wide context.
     *
     * @param extractors makes the Rust extractor (one per call)
     * @param builders   makes the builder that verifies rewrites
     */
    public CrateRewriter(Supplier<Extractor> extractors, CrateBuilderFactory builders) {
        this(files -> extractors.get(), builders);
    }

    /** A rewriter that verifies with cargo directly (30 minutes per cargo call at most). */
    public static CrateRewriter withCargo(Function<List<SourceFile>, Extractor> extractors) {
        return new CrateRewriter(extractors, target -> new CargoCrateBuilder(target, Duration.ofMinutes(30)));
    }

    /**
     * The rewriter the command line uses: loops found by {@link RustExtractor} (state types resolved across
     * the whole crate), rewrites verified with cargo.
     */
    public static CrateRewriter standard() {
        return withCargo(CrateRewriter::crateExtractor);
    }

    /** The standard loop finder with another builder (the sandboxed one of the native runner). */
    public static CrateRewriter standard(CrateBuilderFactory builders) {
        return new CrateRewriter(CrateRewriter::crateExtractor, builders);
    }

    /** {@link RustExtractor} resolving state types against the declarations of the whole crate. */
    private static Extractor crateExtractor(List<SourceFile> files) {
        RustSymbols symbols = new RustSymbols();
        files.forEach(f -> symbols.addAll(RustExtractor.symbolsOf(f)));
        return new RustExtractor(symbols, Duration.ofSeconds(10));
    }

    /**
     * Rewrites the crate at {@code crate}.
     *
     * @throws IllegalArgumentException when {@code crate} is not a crate directory, or the crate does not build
     *                                  before any change (the message names the first error)
     */
    public RewriteResult rewrite(Path crate, Mode mode) {
        Path dir = crate.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("Cargo.toml"))) {
            throw new IllegalArgumentException("not a crate directory (no Cargo.toml): " + crate);
        }
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("loopscout-rewrite");
            Path work = scratch.resolve("crate");
            FileTrees.copy(dir, work);
            return rewriteIn(dir, work, scratch.resolve("target"), mode);
        } catch (IOException e) {
            throw new UncheckedIOException("rewriting " + crate + ": " + e.getMessage(), e);
        } finally {
            if (scratch != null) {
                try {
                    FileTrees.delete(scratch);
                } catch (IOException e) {
                    // a temp directory left behind is not worth failing the rewrite for
                }
            }
        }
    }

    private RewriteResult rewriteIn(Path original, Path work, Path target, Mode mode) throws IOException {
        Map<String, FileRewrite> plans = plan(work);
        List<LoopOutcome> outcomes = new ArrayList<>();
        List<LoopPlan> candidates = new ArrayList<>();
        Map<LoopPlan, String> fileOf = new LinkedHashMap<>();
        plans.forEach((rel, fr) -> {
            for (LoopPlan lp : fr.loops()) {
                fileOf.put(lp, rel);
                if (lp.rewritable()) {
                    candidates.add(lp);
                } else {
                    outcomes.add(outcome(rel, lp, LoopOutcome.Status.LEFT_ALONE,
                            lp.refusal() + (lp.detail().isEmpty() ? "" : ": " + lp.detail())));
                }
            }
        });
        Map<String, String> finalTexts = Map.of();
        if (!candidates.isEmpty()) {
            // fails early, with the reason, when the cfg cannot be declared (lints inherited from a workspace)
            CrateGate.declareCfg(Files.readString(work.resolve("Cargo.toml"), StandardCharsets.UTF_8));
            Verifier v = new Verifier(work, builders.create(target), plans, fileOf);
            // only the targets holding a candidate loop (lib first): an unrelated bin that fails on today's
            // rustc does not refuse the crate
            Set<String> candidateFiles = new LinkedHashSet<>();
            candidates.forEach(lp -> candidateFiles.add(fileOf.get(lp)));
            List<String> built = CrateRoots.rootsFor(candidateFiles, v.roots);
            v.targets = CrateRoots.targetArgs(work, built);
            // a root with #![feature(..)] (c2rust's output) fails every stable build with E0554: its baseline
            // is the crate bootstrapped, without the cfg. The lib counts too: cargo builds it for every bin.
            Set<String> compiled = new LinkedHashSet<>(built);
            CrateRoots.lib(v.roots).ifPresent(compiled::add);
            v.baseline = CrateRoots.anyDeclaresFeatures(work, compiled) ? CrateBuilder.Variant.BOOTSTRAPPED
                    : CrateBuilder.Variant.STABLE;
            CrateBuilder.Outcome prep = v.builder.prepare(work);
            if (!prep.ok()) {
                throw new IllegalArgumentException("cannot fetch the dependencies of " + original + ": "
                        + prep.firstError());
            }
            CrateBuilder.Outcome base = v.builder.build(work, v.baseline, v.targets);
            if (!base.ok()) {
                throw new IllegalArgumentException("the crate " + original + " does not build before rewriting: "
                        + base.firstError());
            }
            List<LoopPlan> accepted = new ArrayList<>(v.settle(List.of(), candidates));
            Map<LoopPlan, LoopPlan> identityCopies = identityCopies(plans, fileOf, candidates, accepted, v.errors);
            accepted.addAll(v.settle(accepted, List.copyOf(identityCopies.values())));
            // a build that never compiled a loop proved nothing about its rewrite
            Set<LoopPlan> unbuilt = v.notCompiled(accepted);
            accepted.removeAll(unbuilt);
            v.write(accepted);
            finalTexts = v.texts(accepted);
            for (LoopPlan lp : candidates) {
                String rel = fileOf.get(lp);
                LoopPlan retried = identityCopies.get(lp);
                if (accepted.contains(lp) || retried != null && accepted.contains(retried)) {
                    outcomes.add(outcome(rel, lp, LoopOutcome.Status.REWRITTEN, ""));
                } else if (unbuilt.contains(lp) || retried != null && unbuilt.contains(retried)) {
                    outcomes.add(outcome(rel, lp, LoopOutcome.Status.LEFT_ALONE, RefusalReason.NOT_COMPILED.id()
                            + ": the verification builds (default features, this target) do not compile it"));
                } else {
                    String error = retried != null && v.errors.containsKey(retried)
                            ? "with an identity copy: " + v.errors.get(retried) : v.errors.get(lp);
                    outcomes.add(outcome(rel, lp, LoopOutcome.Status.REVERTED, error != null ? error
                            : "did not build together with the other rewrites"));
                }
            }
        }
        outcomes.sort(Comparator.comparing(LoopOutcome::file).thenComparingInt(LoopOutcome::line));
        StringBuilder diff = new StringBuilder();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(finalTexts).entrySet()) {
            String before = Files.readString(original.resolve(e.getKey()), StandardCharsets.UTF_8);
            if (!before.equals(e.getValue())) {
                changed.add(e.getKey());
                diff.append(UnifiedDiff.diff("a/" + e.getKey(), "b/" + e.getKey(), before, e.getValue()));
            }
        }
        boolean applied = false;
        if (mode == Mode.IN_PLACE && !changed.isEmpty()) {
            for (String rel : changed) {
                Path dest = original.resolve(rel);
                Path tmp = dest.resolveSibling(dest.getFileName() + ".loopscout-tmp");
                Files.writeString(tmp, finalTexts.get(rel), StandardCharsets.UTF_8);
                Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            applied = true;
        }
        return new RewriteResult(original, mode, outcomes, changed, diff.toString(), applied);
    }

    private static final java.util.regex.Pattern MOVE_OUT = java.util.regex.Pattern.compile("\\berror\\[E0507\\]");

    /**
     * For each reverted loop whose rewrite moved its field state out of a borrow (rustc E0507: the state's
     * fieldless enum is not {@code Copy}), the plan that copies the state through an identity match instead.
     */
    private Map<LoopPlan, LoopPlan> identityCopies(Map<String, FileRewrite> plans, Map<LoopPlan, String> fileOf,
            List<LoopPlan> candidates, List<LoopPlan> accepted, Map<LoopPlan, String> errors) {
        Map<String, List<LoopPlan>> retry = new TreeMap<>();
        for (LoopPlan lp : candidates) {
            String error = errors.get(lp);
            if (!accepted.contains(lp) && error != null && MOVE_OUT.matcher(error).find()) {
                retry.computeIfAbsent(fileOf.get(lp), k -> new ArrayList<>()).add(lp);
            }
        }
        Map<LoopPlan, LoopPlan> out = new LinkedHashMap<>();
        retry.forEach((rel, loops) -> {
            List<Finding> findings = loops.stream().map(LoopPlan::finding).toList();
            List<LoopPlan> again = rewriter.plan(rel, plans.get(rel).original(), findings, Set.copyOf(findings))
                    .loops();
            for (int i = 0; i < loops.size(); i++) {
                if (again.get(i).rewritable()) {
                    out.put(loops.get(i), again.get(i));
                    fileOf.put(again.get(i), rel);
                }
            }
        });
        return out;
    }

    /** Plans every Rust file under src/ with the findings of the extractor. */
    private Map<String, FileRewrite> plan(Path work) throws IOException {
        Map<String, FileRewrite> plans = new TreeMap<>();
        Path src = work.resolve("src");
        if (!Files.isDirectory(src)) {
            return plans;
        }
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(src)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".rs") && Files.isRegularFile(p)).sorted().toList()) {
                String rel = work.relativize(f).toString().replace('\\', '/');
                String text;
                try {
                    text = Files.readString(f, StandardCharsets.UTF_8);
                } catch (CharacterCodingException e) {
                    continue; // not UTF-8, so not a module rustc compiles (test data): nothing to rewrite in it
                }
                files.add(new SourceFile("crate", "local", rel, Language.RUST, text));
            }
        }
        Extractor extractor = extractors.apply(files);
        for (SourceFile f : files) {
            List<Finding> findings = extractor.extract(f).findings().stream()
                    .filter(CrateRewriter::rewrites).toList();
            if (!findings.isEmpty()) {
                plans.put(f.path(), rewriter.plan(f.path(), f.text(), findings));
            }
        }
        return plans;
    }

    private static LoopOutcome outcome(String rel, LoopPlan lp, LoopOutcome.Status status, String reason) {
        return new LoopOutcome(rel, lp.startLine(), lp.finding().pattern() == null ? "" : lp.finding().pattern().id(),
                lp.finding().stateVariable(), status, reason);
    }

    /** Writes subsets of the rewrites into the scratch crate and builds them both ways. */
    private static final class Verifier {
        final Path work;
        final CrateBuilder builder;
        final Map<String, FileRewrite> plans;
        final Map<LoopPlan, String> fileOf;
        final Map<LoopPlan, String> errors = new LinkedHashMap<>();
        final Map<String, String> originals = new LinkedHashMap<>();
        final List<String> roots;
        /** The cargo target selection every verification build uses. */
        List<String> targets = List.of();
        /** The build without the cfg: stable, or bootstrapped for a crate that declares features itself. */
        CrateBuilder.Variant baseline = CrateBuilder.Variant.STABLE;

        Verifier(Path work, CrateBuilder builder, Map<String, FileRewrite> plans, Map<LoopPlan, String> fileOf)
                throws IOException {
            this.work = work;
            this.builder = builder;
            this.plans = plans;
            this.fileOf = fileOf;
            for (String rel : plans.keySet()) {
                originals.put(rel, plans.get(rel).original());
            }
            roots = CrateRoots.roots(work);
            for (String rel : roots) {
                originals.putIfAbsent(rel, Files.readString(work.resolve(rel), StandardCharsets.UTF_8));
            }
            originals.put("Cargo.toml", Files.readString(work.resolve("Cargo.toml"), StandardCharsets.UTF_8));
        }

        /**
         * The largest set of {@code loops} (found by bisection) whose rewrites build both ways on top of the
         * already accepted {@code base}.
         */
        List<LoopPlan> settle(List<LoopPlan> base, List<LoopPlan> loops) throws IOException {
            if (loops.isEmpty()) {
                return List.of();
            }
            CrateBuilder.Outcome o = buildBoth(base, loops);
            if (o.ok()) {
                return loops;
            }
            if (loops.size() == 1) {
                errors.put(loops.get(0), o.firstError());
                return List.of();
            }
            int half = loops.size() / 2;
            List<LoopPlan> good = new ArrayList<>(settle(base, loops.subList(0, half)));
            List<LoopPlan> second = settle(base, loops.subList(half, loops.size()));
            if (good.isEmpty() || second.isEmpty()) {
                good.addAll(second);
                return good;
            }
            List<LoopPlan> both = new ArrayList<>(good);
            both.addAll(second);
            if (buildBoth(base, both).ok()) {
                return both;
            }
            // the halves build alone but not together: add the second half's loops one at a time
            for (LoopPlan lp : second) {
                List<LoopPlan> trial = new ArrayList<>(good);
                trial.add(lp);
                CrateBuilder.Outcome t = buildBoth(base, trial);
                if (t.ok()) {
                    good = trial;
                } else {
                    errors.put(lp, t.firstError());
                }
            }
            return good;
        }

        /**
         * The loops of {@code loops} that a stable build of the targets does not compile (cfg'd out). Each loop
         * of the original text gets a probe statement before it, an unused variable warned about even where
         * the crate allows that lint; a loop whose probe rustc does not mention was never compiled. A probe
         * build that fails proves nothing either way: then no loop is reported.
         */
        Set<LoopPlan> notCompiled(List<LoopPlan> loops) throws IOException {
            if (loops.isEmpty()) {
                return Set.of();
            }
            Map<String, String> texts = new LinkedHashMap<>(originals);
            Map<String, TreeMap<Integer, List<Integer>>> probes = new TreeMap<>();
            for (int i = 0; i < loops.size(); i++) {
                probes.computeIfAbsent(fileOf.get(loops.get(i)), k -> new TreeMap<>())
                        .computeIfAbsent(loops.get(i).finding().startLine(), k -> new ArrayList<>()).add(i);
            }
            probes.forEach((rel, byLine) -> {
                List<String> lines = new ArrayList<>(List.of(texts.get(rel).split("\n", -1)));
                for (Map.Entry<Integer, List<Integer>> e : byLine.descendingMap().entrySet()) {
                    String line = lines.get(e.getKey() - 1);
                    String indent = line.substring(0, line.length() - line.stripLeading().length());
                    for (int i : e.getValue()) {
                        lines.add(e.getKey() - 1, indent + "#[warn(unused_variables)] let " + PROBE + i + " = ();");
                    }
                }
                texts.put(rel, String.join("\n", lines));
            });
            for (Map.Entry<String, String> e : texts.entrySet()) {
                Files.writeString(work.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
            CrateBuilder.Outcome o = builder.build(work, baseline, targets);
            if (!o.ok()) {
                return Set.of();
            }
            Set<Integer> seen = new java.util.HashSet<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(PROBE + "(\\d+)").matcher(o.log());
            while (m.find()) {
                seen.add(Integer.parseInt(m.group(1)));
            }
            Set<LoopPlan> out = new LinkedHashSet<>();
            for (int i = 0; i < loops.size(); i++) {
                if (!seen.contains(i)) {
                    out.add(loops.get(i));
                }
            }
            return out;
        }

        private static final String PROBE = "loopscout_compiled_probe_";

        private CrateBuilder.Outcome buildBoth(List<LoopPlan> base, List<LoopPlan> loops) throws IOException {
            List<LoopPlan> all = new ArrayList<>(base);
            all.addAll(loops);
            write(all);
            CrateBuilder.Outcome stable = builder.build(work, baseline, targets);
            if (!stable.ok()) {
                String name = baseline == CrateBuilder.Variant.STABLE ? "stable" : "bootstrapped";
                return new CrateBuilder.Outcome(false, name + ": " + stable.firstError(), stable.log());
            }
            CrateBuilder.Outcome b = builder.build(work, CrateBuilder.Variant.LOOP_MATCH, targets);
            return b.ok() ? b : new CrateBuilder.Outcome(false, "loop_match: " + b.firstError(), b.log());
        }

        /** The text of every file the rewrite may touch, with {@code loops} rewritten. */
        Map<String, String> texts(List<LoopPlan> loops) {
            Map<String, String> out = new LinkedHashMap<>(originals);
            Set<String> touched = new LinkedHashSet<>();
            for (Map.Entry<String, FileRewrite> e : plans.entrySet()) {
                List<LoopPlan> mine = loops.stream().filter(l -> e.getKey().equals(fileOf.get(l))).toList();
                if (!mine.isEmpty()) {
                    out.put(e.getKey(), e.getValue().apply(mine));
                    touched.add(e.getKey());
                }
            }
            if (!touched.isEmpty()) {
                for (String root : CrateRoots.rootsFor(touched, roots)) {
                    out.put(root, CrateGate.gateRoot(out.get(root)));
                }
                out.put("Cargo.toml", CrateGate.declareCfg(out.get("Cargo.toml")));
            }
            return out;
        }

        void write(List<LoopPlan> loops) throws IOException {
            for (Map.Entry<String, String> e : texts(loops).entrySet()) {
                Path p = work.resolve(e.getKey());
                if (!Files.readString(p, StandardCharsets.UTF_8).equals(e.getValue())) {
                    Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
                }
            }
        }
    }

}
