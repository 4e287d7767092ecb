package io.loopscout.runner.translate;

import io.loopscout.extract.rewrite.CrateRewriter;
import io.loopscout.extract.rewrite.LoopMatchRewriter;
import io.loopscout.extract.rewrite.LoopOutcome;
import io.loopscout.extract.rewrite.RewriteResult;
import io.loopscout.extract.rust.RustExtractor;
import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.SandboxedCrateBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link LoopMatchRewrite} by {@link CrateRewriter}: every loop rewrite is proven by building the crate on
 * without and with {@code --cfg loop_match} in the sandbox (both with {@code RUSTC_BOOTSTRAP=1}, which c2rust's
 * output needs anyway), and a loop that breaks either build is put back.
 */
public final class VerifiedLoopMatchRewrite implements LoopMatchRewrite {

    private static final Pattern FN = Pattern.compile("^\\s*(?:pub(?:\\([^)]*\\))?\\s+)?(?:unsafe\\s+)?"
            + "(?:extern\\s+\"C\"\\s+)?fn\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private final CargoBuild cargo;
    private final String project;

    /** Verifies through {@code cargo}'s sandbox; {@code project} names the failures. */
    public VerifiedLoopMatchRewrite(CargoBuild cargo, String project) {
        this.cargo = cargo;
        this.project = project;
    }

    @Override
    public List<CComparison.LoopRewrite> apply(Path crate) throws IOException {
        RewriteResult r = new CrateRewriter(RustExtractor::new,
                // c2rust's crates declare #![feature(..)]: the rewriter sees it and builds them bootstrapped
                target -> new SandboxedCrateBuilder(cargo, target, project))
                .rewrite(crate, CrateRewriter.Mode.IN_PLACE);
        Map<String, List<String>> lines = new HashMap<>();
        List<CComparison.LoopRewrite> out = new ArrayList<>();
        for (LoopOutcome l : r.loops()) {
            List<String> text = lines.computeIfAbsent(l.file(), f -> read(crate.resolve(f)));
            LoopOutcome outer = liftedInto(l, r.loops());
            out.add(new CComparison.LoopRewrite(l.file(), l.line(), enclosingFunction(text, l.line()),
                    l.status() == LoopOutcome.Status.REWRITTEN || outer != null,
                    outer != null ? "flattened into the #[loop_match] loop at line " + outer.line() : reason(l)));
        }
        return out;
    }

    /** The rewritten loop whose flattening lifted {@code l} into its match, or null. */
    private static LoopOutcome liftedInto(LoopOutcome l, List<LoopOutcome> all) {
        int at = l.reason() == null ? -1 : l.reason().indexOf(LoopMatchRewriter.FLATTENED_INTO);
        if (l.status() != LoopOutcome.Status.LEFT_ALONE || at < 0) {
            return null;
        }
        int line = Integer.parseInt(l.reason().substring(at + LoopMatchRewriter.FLATTENED_INTO.length()).strip());
        return all.stream().filter(o -> o.file().equals(l.file()) && o.line() == line
                && o.status() == LoopOutcome.Status.REWRITTEN).findFirst().orElse(null);
    }

    /** Why the loop ended as it did; a reverted loop says so (its rewrite broke a build). */
    private static String reason(LoopOutcome l) {
        String why = l.reason() == null ? "" : l.reason();
        return switch (l.status()) {
            case REWRITTEN -> why.isBlank() ? "rewritten, both builds pass" : why;
            case LEFT_ALONE -> why;
            case REVERTED -> "reverted (broke a build): " + why;
        };
    }

    /** The name of the last {@code fn} declared at or above {@code line} (1-based); "" when none. */
    static String enclosingFunction(List<String> lines, int line) {
        for (int i = Math.min(line, lines.size()) - 1; i >= 0; i--) {
            Matcher m = FN.matcher(lines.get(i));
            if (m.find()) {
                return m.group(1);
            }
        }
        return "";
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
