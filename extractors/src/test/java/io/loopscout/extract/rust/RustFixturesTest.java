package io.loopscout.extract.rust;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Language;
import io.loopscout.extract.fixtures.AnnotatedFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs the Rust extractor over every annotated fixture and fails on any miss, false alarm or wrong metric. */
class RustFixturesTest {

    @Test
    void annotatedFixturesAreFoundExactly() {
        AnnotatedFixtures.Report report = AnnotatedFixtures.run(Path.of("src/test/resources/fixtures/rust"),
                Language.RUST, new RustExtractor());
        System.out.println(report.table());
        report.problems().forEach(System.out::println);
        assertTrue(report.problems().isEmpty(), String.join("\n", report.problems()));
    }
}
