package io.loopscout.extract.bench;

import io.loopscout.core.Language;
import io.loopscout.extract.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Command-line helpers shared by the benchmark and the findings printer: file walking and reading. */
final class BenchFiles {

    private BenchFiles() {
    }

    /** The files of {@code language} under {@code root}, sorted. */
    static List<Path> files(Path root, Language language) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> Language.ofFile(p.toString()) == language).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one file as the pipeline does: UTF-8, malformed bytes replaced by U+FFFD. */
    static SourceFile read(Path root, Path file, Language language) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
            return new SourceFile(root.getFileName().toString(), "local",
                    root.relativize(file).toString().replace('\\', '/'), language, text);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
