package io.loopscout.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.loopscout.core.Language;
import io.loopscout.extract.rust.RustExtractor;
import io.loopscout.extract.rust.RustSymbols;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ProjectExtractor parses each Rust file once for both the crate's declarations and its loops; its results must
 * equal the two-parse path (symbolsOf over the crate, then extract per file) on every Rust fixture.
 */
class ProjectExtractorTest {

    @Test
    void oneParsePerFileFindsWhatTwoParsesFind() throws IOException {
        List<SourceFile> files = new ArrayList<>();
        for (String dir : List.of("src/test/resources/fixtures/rust", "src/test/resources/rewrite")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                for (Path p : s.filter(p -> p.toString().endsWith(".rs")).sorted().toList()) {
                    files.add(new SourceFile("fixtures", "1", p.toString(), Language.RUST, Files.readString(p)));
                }
            }
        }
        // A crate split over files: the state type is declared apart from its loop.
        files.add(new SourceFile("fixtures", "1", "src/state.rs", Language.RUST,
                "pub enum Mode { Head, Body, Done }\npub struct Decoder { pub mode: Mode }\n"));
        files.add(new SourceFile("fixtures", "1", "src/decode.rs", Language.RUST, """
                fn run(d: &mut Decoder) {
                    loop {
                        match d.mode {
                            Mode::Head => d.mode = Mode::Body,
                            Mode::Body => d.mode = Mode::Done,
                            Mode::Done => return,
                        }
                    }
                }
                """));
        // An alias of an enum, each in a file without loops, read only when the loop's lookup names it (CrateSymbols):
        // without the alias the state type would be unknown.
        files.add(new SourceFile("fixtures", "1", "src/kind.rs", Language.RUST,
                "pub enum AliasedKind { Idle(u8), Busy, Done }\n"));
        files.add(new SourceFile("fixtures", "1", "src/phase.rs", Language.RUST,
                "pub type AliasedPhase = crate::kind::AliasedKind;\n"));
        files.add(new SourceFile("fixtures", "1", "src/step.rs", Language.RUST, """
                fn step(mut p: AliasedPhase) {
                    loop {
                        match p {
                            AliasedPhase::Busy => p = AliasedPhase::Done,
                            AliasedPhase::Done => return,
                            _ => p = AliasedPhase::Busy,
                        }
                    }
                }
                """));

        RustSymbols crate = new RustSymbols();
        files.forEach(f -> crate.addAll(RustExtractor.symbolsOf(f)));
        RustExtractor twoParses = new RustExtractor(crate, Duration.ofSeconds(10));
        Map<String, FileExtraction> expected = new TreeMap<>();
        files.forEach(f -> expected.put(f.path(), twoParses.extract(f)));

        Map<String, FileExtraction> actual = new TreeMap<>();
        new ProjectExtractor().extract(files, new ProjectExtractor.Listener() {
            @Override
            public void extracted(SourceFile file, FileExtraction result) {
                actual.put(file.path(), result);
            }

            @Override
            public void failed(SourceFile file, RuntimeException error) {
                throw error;
            }
        });
        assertFalse(expected.values().stream().allMatch(x -> x.findings().isEmpty()));
        assertEquals("enum", actual.get("src/decode.rs").findings().get(0).stateType());
        assertEquals("enum-with-fields", actual.get("src/step.rs").findings().get(0).stateType());
        assertEquals(expected, actual);
    }
}
