package io.loopscout.extract.rust;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Language;
import io.loopscout.extract.fixtures.AnnotatedFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs the Rust extractor over every annotated fixture and fails on any miss, false alarm or wrong metric. */
class RustFixturesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/rust");

    @Test
    void annotatedFixturesAreFoundExactly() {
        AnnotatedFixtures.Report report = AnnotatedFixtures.run(FIXTURES, Language.RUST, new RustExtractor());
        System.out.println(report.table());
        report.problems().forEach(System.out::println);
        assertTrue(report.problems().isEmpty(), String.join("\n", report.problems()));
        // A fixture file that stops being read (renamed, moved) must not pass as "no problems".
        assertTrue(report.expectations() >= 84, "at least 84 positive cases, got " + report.expectations());
        assertTrue(report.negatives() >= 53, "at least 53 negative cases, got " + report.negatives());
    }

    @Test
    void stepMachinesHaveEightPositiveAndSixNegativeCases() {
        var annotations = AnnotatedFixtures.annotations(FIXTURES.resolve("step_machines.rs"));
        long positive = annotations.stream().filter(e -> "rust/step-machine".equals(e.pattern())).count();
        long negative = annotations.stream().filter(e -> e.pattern() == null).count();
        assertTrue(positive >= 8, "at least 8 rust/step-machine cases, got " + positive);
        assertTrue(negative >= 6, "at least 6 negative step cases, got " + negative);
    }
}
