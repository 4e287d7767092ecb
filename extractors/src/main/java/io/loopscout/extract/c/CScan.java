package io.loopscout.extract.c;

import io.loopscout.core.Language;
import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.Finding;
import io.loopscout.extract.SourceFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Developer tool: prints the C findings of every {@code .c}/{@code .h} file below a directory, with the macros
 * of each file's local includes. Usage: {@code CScan <dir> [function-filter]}.
 */
public final class CScan {

    private CScan() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        String filter = args.length > 1 ? args[1] : null;
        scan(dir, filter, System.out);
    }

    /** Scans {@code dir} and prints one line per finding (and per file problem). */
    public static void scan(Path dir, String functionFilter, PrintStream out) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> Language.ofFile(p.toString()) == Language.C)
                    .sorted().toList();
        }
        CExtractor extractor = new CExtractor();
        for (Path p : files) {
            String text = LocalIncludes.read(p, CExtractor.MAX_BYTES);
            if (text == null) {
                out.println(p + ": unreadable or too large");
                continue;
            }
            String rel = dir.relativize(p).toString();
            FileExtraction r = extractor.extract(new SourceFile("scan", "0", rel, Language.C, text),
                    LocalIncludes.of(p, text));
            if (r.problem() != null) {
                out.println(rel + ": problem " + r.problem());
            }
            for (Finding f : r.findings()) {
                if (functionFilter != null && !f.function().contains(functionFilter)) {
                    continue;
                }
                out.printf("%s:%d-%d %s %s var=%s states=%d const=%d dyn=%d fall=%d exits=%d errors=%d %s %s%n",
                        rel, f.startLine(), f.endLine(), f.pattern().id(), f.function(), f.stateVariable(),
                        f.states(), f.constTransitions(), f.dynamicTransitions(), f.fallthroughs(), f.exits(),
                        f.parseErrors(), f.mode(), f.confidence());
            }
        }
    }
}
