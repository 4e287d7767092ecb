package io.loopscout.extract.c;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Language;
import io.loopscout.extract.fixtures.AnnotatedFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs every annotated C fixture through {@link CExtractor}: precision and recall must be 100% per pattern. */
class CFixturesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/c");

    @Test
    void everyAnnotatedFixtureHolds() {
        AnnotatedFixtures.Report report = AnnotatedFixtures.run(FIXTURES, Language.C, new CExtractor());
        System.out.println(report.table());
        report.problems().forEach(System.out::println);
        assertTrue(report.problems().isEmpty(), String.join("\n", report.problems()));
        assertTrue(report.expectations() >= 77, "at least 77 positive cases, got " + report.expectations());
        assertTrue(report.negatives() >= 42, "at least 42 negative cases, got " + report.negatives());
    }

    /** Fixtures that need their project: a file's local includes (a jump table in a header) are read too. */
    @Test
    void projectFixturesHoldWithTheirIncludes() {
        AnnotatedFixtures.Report report = AnnotatedFixtures.runEach(Path.of("src/test/resources/fixtures/c-project"),
                Language.C, file -> new CExtractor(MacroTable.of(LocalIncludes.of(file, LocalIncludes.read(file)))));
        System.out.println(report.table());
        assertTrue(report.problems().isEmpty(), String.join("\n", report.problems()));
        assertTrue(report.expectations() >= 1, "the header-table case is read");
    }
}
