package io.loopscout.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies a fixture tree from the test resources into a scratch directory (the sandbox mounts copies). */
public final class TestFixtures {
    private TestFixtures() {
    }

    /** Copies resource directory {@code name} (e.g. {@code hostile}) to {@code into/name}. */
    public static Path copyResource(String name, Path into) {
        try {
            Path src = Path.of(TestFixtures.class.getResource("/" + name).toURI());
            Path dst = into.resolve(name);
            try (Stream<Path> walk = Files.walk(src)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path t = dst.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return dst;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
