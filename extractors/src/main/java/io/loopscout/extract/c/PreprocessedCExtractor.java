package io.loopscout.extract.c;

import io.loopscout.core.Language;
import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.FileOutcome;
import io.loopscout.extract.Finding;
import io.loopscout.extract.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The precise C mode for projects that can be preprocessed: runs {@code cc -E} with the project's include
 * directories and defines, parses the output (every macro expanded as the compiler sees it, one {@code #if}
 * side chosen), and maps findings back to the original file through the {@code # line "file"} markers.
 * Findings carry {@code mode = "preprocessed"}; those that lie in included headers are dropped (the headers are
 * extracted on their own).
 *
 * <p>The preprocessor itself is a {@link CPreprocessor} given by the caller: a hostile {@code #include} can name
 * any file, so it runs in the native runner's sandbox ({@code SandboxedCPreprocessor}), never here on the host.
 */
public final class PreprocessedCExtractor {

    private static final Pattern MARKER = Pattern.compile("^#\\s*(?:line\\s+)?(\\d+)\\s+\"((?:[^\"\\\\]|\\\\.)*)\".*$");

    private final CPreprocessor preprocessor;
    private final Path projectDir;
    private final List<Path> includeDirs;
    private final List<String> defines;
    private final Duration parseTimeout;

    /**
     * @param preprocessor runs {@code cc -E} (in the sandbox)
     * @param projectDir   the project's root; the files and include directories lie inside it
     * @param includeDirs  {@code -I} directories
     * @param defines      {@code -D} definitions ({@code NAME} or {@code NAME=value})
     * @param parseTimeout the limit for parsing the preprocessed text
     */
    public PreprocessedCExtractor(CPreprocessor preprocessor, Path projectDir, List<Path> includeDirs,
                                  List<String> defines, Duration parseTimeout) {
        this.preprocessor = preprocessor;
        this.projectDir = projectDir;
        this.includeDirs = List.copyOf(includeDirs);
        this.defines = List.copyOf(defines);
        this.parseTimeout = parseTimeout;
    }

    /** Preprocesses and extracts {@code file}; {@code path} is the project-relative path written into findings. */
    public FileExtraction extract(Path file, String project, String version, String path) {
        String original;
        try {
            original = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return FileExtraction.notAnalysed(FileOutcome.UNREADABLE, String.valueOf(e.getMessage()));
        }
        CPreprocessor.Result result = preprocessor.preprocess(
                new CPreprocessor.Request(projectDir, file, includeDirs, defines));
        if (result.status() != CPreprocessor.Status.OK) {
            return FileExtraction.notAnalysed(FileOutcome.PREPROCESSOR_FAILED,
                    "preprocessor " + result.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                            + ": " + result.detail());
        }
        Preprocessed pp = map(result.output());
        FileExtraction raw = new CExtractor(MacroTable.empty(), parseTimeout, "preprocessed")
                .extract(new SourceFile(project, version, path, Language.C, pp.text));
        SourceLines lines = new SourceLines(original);
        List<Finding> mapped = new ArrayList<>();
        for (Finding f : raw.findings()) {
            int start = pp.mainLine(f.startLine());
            if (start < 0) {
                continue;
            }
            int end = Math.max(start, pp.lastMainLineUpTo(f.startLine(), f.endLine()));
            mapped.add(f.toBuilder().startLine(start).endLine(end)
                    .snippet(lines.snippet(start, end, CExtractor.SNIPPET_LINES)).build());
        }
        return new FileExtraction(mapped, raw.parseErrors(), raw.outcome(), raw.detail());
    }

    /** The preprocessor's output with markers blanked, and for each output line its line in the main file. */
    private record Preprocessed(String text, int[] mainLines) {

        /** The main-file line of output line {@code outLine} (1-based), or -1 when it came from a header. */
        int mainLine(int outLine) {
            return outLine >= 1 && outLine <= mainLines.length ? mainLines[outLine - 1] : -1;
        }

        /** The last main-file line among output lines {@code from..to}. */
        int lastMainLineUpTo(int from, int to) {
            int best = -1;
            for (int l = from; l <= to && l <= mainLines.length; l++) {
                best = Math.max(best, mainLines[l - 1]);
            }
            return best;
        }
    }

    /** Blanks the line markers and records which output lines come from the main (first-named) file. */
    static Preprocessed map(String output) {
        String[] lines = output.split("\n", -1);
        int[] main = new int[lines.length];
        String mainFile = null;
        String current = null;
        int line = 0;
        StringBuilder text = new StringBuilder(output.length());
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MARKER.matcher(lines[i]);
            if (m.matches()) {
                current = m.group(2);
                if (mainFile == null) {
                    mainFile = current;
                }
                line = Integer.parseInt(m.group(1));
                main[i] = -1;
                text.append('\n');
                continue;
            }
            main[i] = current != null && current.equals(mainFile) ? line : -1;
            line++;
            text.append(lines[i]).append('\n');
        }
        return new Preprocessed(text.toString(), main);
    }
}
