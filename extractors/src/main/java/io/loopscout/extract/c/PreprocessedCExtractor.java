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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The precise C mode for projects that can be preprocessed: runs {@code cc -E} with the project's include
 * directories and defines, parses the output (every macro expanded as the compiler sees it, one {@code #if}
 * side chosen), and maps findings back to the original file through the {@code # line "file"} markers.
 * Findings carry {@code mode = "preprocessed"}; those that lie in included headers are dropped (the headers are
 * extracted on their own).
 *
 * <p>Only the preprocessor runs (no compilation, no execution of project code), with a time limit; its input is
 * still untrusted text, so run it where a hostile {@code #include} cannot read anything that matters.
 */
public final class PreprocessedCExtractor {

    private static final Pattern MARKER = Pattern.compile("^#\\s*(?:line\\s+)?(\\d+)\\s+\"((?:[^\"\\\\]|\\\\.)*)\".*$");

    private final String compiler;
    private final List<Path> includeDirs;
    private final List<String> defines;
    private final Duration timeout;

    /** A preprocessing extractor using {@code cc}, with a 60 s limit for the preprocessor and the parse each. */
    public PreprocessedCExtractor(List<Path> includeDirs, List<String> defines) {
        this("cc", includeDirs, defines, Duration.ofSeconds(60));
    }

    /**
     * @param compiler    the C compiler driver to run with {@code -E}
     * @param includeDirs {@code -I} directories
     * @param defines     {@code -D} definitions ({@code NAME} or {@code NAME=value})
     * @param timeout     the limit for the preprocessor and for the parse
     */
    public PreprocessedCExtractor(String compiler, List<Path> includeDirs, List<String> defines, Duration timeout) {
        this.compiler = compiler;
        this.includeDirs = List.copyOf(includeDirs);
        this.defines = List.copyOf(defines);
        this.timeout = timeout;
    }

    /** Preprocesses and extracts {@code file}; {@code path} is the project-relative path written into findings. */
    public FileExtraction extract(Path file, String project, String version, String path) {
        String original;
        try {
            original = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return FileExtraction.notAnalysed(FileOutcome.UNREADABLE, String.valueOf(e.getMessage()));
        }
        Preprocessed pp;
        try {
            pp = preprocess(file);
        } catch (IOException e) {
            return FileExtraction.notAnalysed(FileOutcome.PREPROCESSOR_FAILED, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FileExtraction.notAnalysed(FileOutcome.PREPROCESSOR_FAILED, "interrupted");
        }
        if (pp.problem != null) {
            return FileExtraction.notAnalysed(FileOutcome.PREPROCESSOR_FAILED, pp.problem);
        }
        FileExtraction raw = new CExtractor(MacroTable.empty(), timeout, "preprocessed")
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
    private record Preprocessed(String text, int[] mainLines, String problem) {

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

    private Preprocessed preprocess(Path file) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(compiler, "-E", "-w"));
        includeDirs.forEach(d -> cmd.add("-I" + d));
        defines.forEach(d -> cmd.add("-D" + d));
        cmd.add(file.toString());
        Path out = Files.createTempFile("loopscout-pp", ".i");
        Path err = Files.createTempFile("loopscout-pp", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Preprocessed("", new int[0], "preprocessor-timeout");
            }
            if (p.exitValue() != 0) {
                String msg = Files.readString(err, StandardCharsets.UTF_8).lines().findFirst().orElse("");
                return new Preprocessed("", new int[0], "preprocessor-failed (exit " + p.exitValue() + ") " + msg);
            }
            return map(new String(Files.readAllBytes(out), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
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
        return new Preprocessed(text.toString(), main, null);
    }
}
