import io.loopscout.core.Language;
import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.Finding;
import io.loopscout.extract.ProjectExtractor;
import io.loopscout.extract.SourceFile;
import io.loopscout.extract.parse.ParsedSource;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/** One variant's passes (raw parse, end to end), loaded once into each variant's class loader by {@link AB}. */
public class E2EPass {
    public static List<Path> files(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> Language.ofFile(p.toString()) == Language.RUST).sorted().toList();
        }
    }
    static SourceFile read(Path root, Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        return new SourceFile(root.getFileName().toString(), "local", root.relativize(file).toString(), Language.RUST, text);
    }
    public static long raw(List<String> roots) throws Exception {
        long bytes = 0;
        for (String r : roots) for (Path p : files(Path.of(r))) {
            String t = read(Path.of(r), p).text();
            bytes += t.length();
            try { ParsedSource.parse(ParsedSource.Grammar.RUST, t, Duration.ofSeconds(600)); } catch (io.loopscout.extract.parse.ParseTimeoutException e) { }
        }
        return bytes;
    }
    /** Extracts every root as one project; returns every finding, one line each. */
    public static List<String> e2e(List<String> roots) throws Exception {
        List<String> out = new ArrayList<>();
        for (String r : roots) {
            List<SourceFile> project = new ArrayList<>();
            for (Path p : files(Path.of(r))) project.add(read(Path.of(r), p));
            new ProjectExtractor().extract(project, new ProjectExtractor.Listener() {
                public void extracted(SourceFile file, FileExtraction x) {
                    for (Finding f : x.findings()) out.add(f.toString());
                    if (x.outcome() != io.loopscout.extract.FileOutcome.READ) out.add(file.path() + " " + x.outcome());
                }
                public void failed(SourceFile file, RuntimeException error) { out.add(file.path() + " FAILED " + error); }
            });
        }
        return out;
    }
}
