package io.loopscout.pipeline.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractionCachePruneTest {

    @TempDir
    Path root;

    @Test
    void keepsThisVersionAndTheMostRecentlyUsedOthers() throws IOException {
        Path versions = root.resolve("extractions");
        // five folders left by other builds, used 1 to 5 days ago; the third has no marker, only its own time;
        // and the extractor-version memo folder, which is not a version
        Files.createDirectories(versions.resolve("versions"));
        for (int age = 1; age <= 5; age++) {
            Path v = Files.createDirectories(versions.resolve(old(age)).resolve("ab"));
            Files.writeString(v.resolve("ab12.ser"), "entry");
            Path stamp = versions.resolve(old(age));
            if (age != 3) {
                stamp = Files.writeString(stamp.resolve(ExtractionCache.USED), "then");
            }
            Files.setLastModifiedTime(stamp, FileTime.from(Instant.now().minus(age, ChronoUnit.DAYS)));
        }
        ExtractionCache cache = new ExtractionCache(root);
        Files.createDirectories(cache.dir().resolve("cd"));
        Files.writeString(cache.dir().resolve("cd").resolve("cd34.ser"), "mine");

        assertEquals(3, cache.pruneOtherVersions(2));

        assertEquals(Set.of(old(1), old(2), "versions", cache.dir().getFileName().toString()), names(versions));
        assertTrue(Files.exists(cache.dir().resolve("cd").resolve("cd34.ser")), "this version's entries stay");
        assertTrue(Files.exists(cache.dir().resolve(ExtractionCache.USED)), "this version is marked used");
    }

    @Test
    void aSecondPruneDeletesNothingMore() throws IOException {
        Files.createDirectories(root.resolve("extractions").resolve(old(9)));
        ExtractionCache cache = new ExtractionCache(root);
        assertEquals(1, cache.pruneOtherVersions(0));
        assertEquals(0, cache.pruneOtherVersions(0));
        assertEquals(Set.of(cache.dir().getFileName().toString()), names(root.resolve("extractions")));
    }

    /** A version folder's name (16 hex digits) for a build used {@code age} days ago. */
    private static String old(int age) {
        return String.format("%016x", age);
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
