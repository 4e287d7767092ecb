package io.loopscout.extract.bench;

import io.loopscout.core.Language;
import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.FileOutcome;
import io.loopscout.extract.Finding;
import io.loopscout.extract.ProjectExtractor;
import io.loopscout.extract.SourceFile;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints every finding of a source tree, one line each, extracted as one project (Rust state types resolved
 * across the tree): a developer tool for checking extractors on real code.
 * {@code java -cp .. io.loopscout.extract.bench.PrintFindings <rust|c> <dir> [--graph]}.
 */
public final class PrintFindings {

    private PrintFindings() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || Language.parse(args[0]) == null) {
            System.err.println("usage: PrintFindings <rust|c> <dir> [--graph]");
            System.exit(2);
        }
        Language language = Language.parse(args[0]);
        Path root = Path.of(args[1]);
        boolean graph = List.of(args).contains("--graph");
        List<SourceFile> files = BenchFiles.files(root, language).stream()
                .map(p -> BenchFiles.read(root, p, language)).toList();
        new ProjectExtractor().extract(files, new ProjectExtractor.Listener() {
            @Override
            public void extracted(SourceFile file, FileExtraction r) {
                if (r.outcome() != FileOutcome.READ) {
                    System.out.printf("%s: %s %s%n", file.path(), r.outcome(), r.detail());
                }
                for (Finding f : r.findings()) {
                    System.out.printf("%s:%d-%d %s fn=%s var=%s states=%d const=%d dyn=%d exits=%d type=%s"
                            + " eligible=%s reason=%s ready=%s conf=%s errors=%d%n", f.file(), f.startLine(),
                            f.endLine(), f.pattern().id(), f.function(), f.stateVariable(), f.states(),
                            f.constTransitions(), f.dynamicTransitions(), f.exits(), f.stateType(), f.eligible(),
                            f.reason(), f.loopMatchReady(), f.confidence(), f.parseErrors());
                    if (f.driverFunction() != null) {
                        System.out.printf("    driver %s:%d%n", f.driverFunction(), f.driverLine());
                    }
                    if (graph) {
                        System.out.println("    " + f.graph());
                    }
                }
            }

            @Override
            public void failed(SourceFile file, RuntimeException error) {
                System.out.printf("%s: FAILED %s%n", file.path(), error);
            }
        });
    }
}
