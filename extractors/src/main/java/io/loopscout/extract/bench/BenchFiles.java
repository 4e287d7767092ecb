package io.loopscout.extract.bench;

import io.loopscout.core.Language;
import io.loopscout.extract.Extractor;
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

/** Command-line helpers shared by the benchmark and the findings printer: extractor by language, file walking. */
final class BenchFiles {

    private BenchFiles() {
    }

    /** The extractor of a language, loaded by name so a language whose extractor is absent fails clearly. */
    static Extractor extractor(Language language) {
        String cls = switch (language) {
            case RUST -> "io.loopscout.extract.rust.RustExtractor";
            case C -> "io.loopscout.extract.c.CExtractor";
            default -> throw new IllegalArgumentException("no extractor for " + language);
        };
        try {
            return (Extractor) Class.forName(cls).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("extractor " + cls + " not available: " + e, e);
        }
    }

    /**
     * Extracts one file as the pipeline does: C files with the macros of their local includes (read from disk
     * here, from the project's files in memory in the pipeline, see ProjectExtractor).
     */
    static io.loopscout.extract.FileExtraction extract(Extractor extractor, Path file, SourceFile source) {
        if (extractor instanceof io.loopscout.extract.c.CExtractor c) {
            return c.extract(source, io.loopscout.extract.c.LocalIncludes.of(file, source.text()));
        }
        return extractor.extract(source);
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
