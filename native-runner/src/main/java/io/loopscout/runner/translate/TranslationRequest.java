package io.loopscout.runner.translate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to translate: C files of one project, the compiler arguments they need, and where the crate goes.
 *
 * @param project   project id (for failure records)
 * @param sourceDir directory the C files are relative to (the compile_commands "directory")
 * @param sources   C files, relative to sourceDir
 * @param clangArgs defines and include paths, e.g. {@code -DBZ_NO_STDIO}, {@code -I.}
 * @param binary    the file stem (e.g. {@code main}) whose {@code main} becomes a binary crate, or null for a
 *                  library crate
 * @param outDir    the directory the crate is written to (created; must not hold a previous translation)
 */
public record TranslationRequest(String project, Path sourceDir, List<String> sources, List<String> clangArgs,
                                 String binary, Path outDir) {

    public TranslationRequest {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(sourceDir, "sourceDir");
        sources = List.copyOf(sources);
        clangArgs = List.copyOf(clangArgs);
        Objects.requireNonNull(outDir, "outDir");
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no C sources to translate for " + project);
        }
    }
}
