package io.loopscout.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writing one report file into the output folder. */
final class OutputFile {

    private OutputFile() {
    }

    /** Writes {@code text} as UTF-8 (no BOM) to {@code outDir/name}, creating the folder. */
    static Path write(Path outDir, String name, String text) {
        try {
            Files.createDirectories(outDir);
            Path file = outDir.resolve(name);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + outDir.resolve(name) + ": " + e.getMessage(), e);
        }
    }
}
