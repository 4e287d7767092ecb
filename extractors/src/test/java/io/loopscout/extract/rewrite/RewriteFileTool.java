package io.loopscout.extract.rewrite;

import io.loopscout.core.Language;
import io.loopscout.extract.Finding;
import io.loopscout.extract.SourceFile;
import io.loopscout.extract.rust.RustExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Developer tool: rewrites one Rust file without building it and prints every loop's plan.
 * {@code java -cp ... io.loopscout.extract.rewrite.RewriteFileTool IN.rs OUT.rs [--renumber]} (renumbers
 * current_block first, as the c2rust experiment's B does)
 */
public final class RewriteFileTool {

    private RewriteFileTool() {
    }

    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[0]));
        if (args.length > 2 && args[2].equals("--renumber")) {
            text = io.loopscout.extract.rewrite.flatten.CurrentBlockRenumbering.renumber(text).text();
        }
        List<Finding> findings = new RustExtractor().extract(new SourceFile("p", "v", args[0], Language.RUST, text))
                .findings().stream().filter(f -> f.pattern() != null && f.pattern().id().startsWith("rust/")
                        && !f.pattern().id().equals("rust/dispatch-loop") && !f.pattern().id().equals("rust/loop-match"))
                .toList();
        FileRewrite fr = new LoopMatchRewriter().plan(args[0], text, findings);
        for (LoopPlan p : fr.loops()) {
            System.out.printf("%d %s %s %s consts=%d dynamics=%d%n", p.startLine(), p.finding().pattern().id(),
                    p.rewritable() ? "REWRITE" : p.refusal(), p.detail(), p.constTransitions(), p.dynamicTransitions());
        }
        Files.writeString(Path.of(args[1]), fr.applyAll());
    }
}
