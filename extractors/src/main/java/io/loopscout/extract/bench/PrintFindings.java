package io.loopscout.extract.bench;

import io.loopscout.core.Language;
import io.loopscout.extract.Extractor;
import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.Finding;
import io.loopscout.extract.SourceFile;
import java.nio.file.Path;

/**
 * Prints every finding of a source tree, one line each (developer tool for checking extractors on real code):
 * {@code java -cp .. io.loopscout.extract.bench.PrintFindings rust <dir> [--graph]}.
 */
public final class PrintFindings {

    private PrintFindings() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: PrintFindings <rust|c> <dir> [--graph]");
            System.exit(2);
        }
        Language language = Language.parse(args[0]);
        Path root = Path.of(args[1]);
        boolean graph = args.length > 2 && args[2].equals("--graph");
        Extractor extractor = BenchFiles.extractor(language);
        for (Path p : BenchFiles.files(root, language)) {
            SourceFile file = BenchFiles.read(root, p, language);
            FileExtraction r = BenchFiles.extract(extractor, p, file);
            if (r.problem() != null) {
                System.out.printf("%s: PROBLEM %s%n", file.path(), r.problem());
            }
            for (Finding f : r.findings()) {
                System.out.printf("%s:%d-%d %s fn=%s var=%s states=%d const=%d dyn=%d fall=%d exits=%d type=%s"
                        + " eligible=%s reason=%s ready=%s conf=%s errors=%d mode=%s%n", f.file(), f.startLine(),
                        f.endLine(), f.pattern().id(), f.function(), f.stateVariable(), f.states(),
                        f.constTransitions(), f.dynamicTransitions(), f.fallthroughs(), f.exits(), f.stateType(),
                        f.eligible(), f.reason(), f.loopMatchReady(), f.confidence(), f.parseErrors(), f.mode());
                if (graph) {
                    System.out.println("    " + f.graph());
                }
            }
        }
    }
}
