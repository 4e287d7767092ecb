package io.loopscout.extract.bench;

import io.loopscout.core.Language;
import io.loopscout.extract.Extractor;
import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.Finding;
import io.loopscout.extract.SourceFile;
import io.loopscout.extract.rust.RustExtractor;
import io.loopscout.extract.rust.RustSymbols;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Prints every finding of a source tree, one line each (developer tool for checking extractors on real code):
 * {@code java -cp .. io.loopscout.extract.bench.PrintFindings rust <dir> [--graph] [--crate]}.
 */
public final class PrintFindings {

    private PrintFindings() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: PrintFindings <rust|c> <dir> [--graph] [--crate]");
            System.exit(2);
        }
        Language language = Language.parse(args[0]);
        Path root = Path.of(args[1]);
        List<String> options = List.of(args).subList(2, args.length);
        boolean graph = options.contains("--graph");
        Extractor extractor = BenchFiles.extractor(language);
        if (options.contains("--crate") && language == Language.RUST) {
            // Resolve state types against every file of the tree, as the pipeline does for a crate.
            RustSymbols symbols = new RustSymbols();
            for (Path p : BenchFiles.files(root, language)) {
                symbols.addAll(RustExtractor.symbolsOf(BenchFiles.read(root, p, language)));
            }
            extractor = new RustExtractor(symbols, Duration.ofSeconds(10));
        }
        for (Path p : BenchFiles.files(root, language)) {
            SourceFile file = BenchFiles.read(root, p, language);
            FileExtraction r = extractor.extract(file);
            if (r.problem() != null) {
                System.out.printf("%s: PROBLEM %s%n", file.path(), r.problem());
            }
            for (Finding f : r.findings()) {
                System.out.printf("%s:%d-%d %s fn=%s var=%s states=%d const=%d dyn=%d exits=%d type=%s eligible=%s"
                        + " reason=%s ready=%s conf=%s errors=%d%n", f.file(), f.startLine(), f.endLine(),
                        f.pattern().id(), f.function(), f.stateVariable(), f.states(), f.constTransitions(),
                        f.dynamicTransitions(), f.exits(), f.stateType(), f.eligible(), f.reason(),
                        f.loopMatchReady(), f.confidence(), f.parseErrors());
                if (graph) {
                    System.out.println("    " + f.graph());
                }
            }
        }
    }
}
