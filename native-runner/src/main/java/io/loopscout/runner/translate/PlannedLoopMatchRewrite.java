package io.loopscout.runner.translate;

import io.loopscout.core.Language;
import io.loopscout.extract.Finding;
import io.loopscout.extract.SourceFile;
import io.loopscout.extract.rewrite.FileRewrite;
import io.loopscout.extract.rewrite.LoopMatchRewriter;
import io.loopscout.extract.rewrite.LoopPlan;
import io.loopscout.extract.rust.RustExtractor;
import io.loopscout.extract.rust.RustSymbols;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@link LoopMatchRewrite} from the Rust extractor's findings and {@link LoopMatchRewriter}'s plans, applied to
 * every file, plus the crate-root feature gate. It does not verify or revert loop by loop (a B that does not
 * build is reported as such); CrateRewriter, which does, replaces it once it is on main.
 */
public final class PlannedLoopMatchRewrite implements LoopMatchRewrite {

    static final String FEATURE_GATE = "#![cfg_attr(loop_match, feature(loop_match))]";
    private final String project;

    /** Rewrites loops of {@code project}'s translation (the id lands in the findings). */
    public PlannedLoopMatchRewrite(String project) {
        this.project = project;
    }

    @Override
    public List<CComparison.LoopRewrite> apply(Path crate) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(crate)) {
            files = walk.filter(p -> p.toString().endsWith(".rs") && !p.startsWith(crate.resolve("target")))
                    .sorted().toList();
        }
        List<SourceFile> sources = new ArrayList<>();
        RustSymbols symbols = new RustSymbols();
        for (Path f : files) {
            SourceFile sf = new SourceFile(project, "", crate.relativize(f).toString(), Language.RUST,
                    Files.readString(f));
            sources.add(sf);
            symbols.addAll(RustExtractor.symbolsOf(sf));
        }
        RustExtractor extractor = new RustExtractor(symbols, Duration.ofSeconds(30));
        LoopMatchRewriter rewriter = new LoopMatchRewriter();
        List<CComparison.LoopRewrite> out = new ArrayList<>();
        boolean any = false;
        for (SourceFile sf : sources) {
            List<Finding> findings = extractor.extract(sf).findings();
            if (findings.isEmpty()) {
                continue;
            }
            FileRewrite plan = rewriter.plan(sf.path(), sf.text(), findings);
            for (LoopPlan p : plan.loops()) {
                String reason = p.rewritable()
                        ? "rewritten: " + p.constTransitions() + " constant transitions (#[const_continue]), "
                        + p.dynamicTransitions() + " through the dispatch"
                        : p.refusal() + (p.detail() == null || p.detail().isBlank() ? "" : ": " + p.detail());
                out.add(new CComparison.LoopRewrite(sf.path(), p.startLine(), p.finding().function(),
                        p.rewritable(), reason));
            }
            if (!plan.rewritable().isEmpty()) {
                Files.writeString(crate.resolve(sf.path()), plan.applyAll());
                any = true;
            }
        }
        if (any) {
            gateCrateRoot(crate);
        }
        return out;
    }

    /** Puts the feature gate first in the crate root (inner attributes may come in any order). */
    static void gateCrateRoot(Path crate) throws IOException {
        Path root = Files.exists(crate.resolve("lib.rs")) ? crate.resolve("lib.rs") : crate.resolve("src/lib.rs");
        String text = Files.readString(root);
        if (!text.contains(FEATURE_GATE)) {
            Files.writeString(root, FEATURE_GATE + "\n" + text);
        }
    }
}
