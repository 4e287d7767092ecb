package io.loopscout.runner.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loopscout.core.FailureClass;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class C2RustTranslatorTest {

    private final CommandRunner runner = new LocalCommandRunner();

    @TempDir
    Path tmp;

    @Test
    void withoutC2rustEveryRequestIsATranslateFailure() throws IOException {
        TranslationOutcome out = new C2RustTranslator(runner, null).translate(request(copyFixture(), null));
        TranslationOutcome.Failed failed = assertInstanceOf(TranslationOutcome.Failed.class, out);
        assertEquals(FailureClass.TRANSLATE_FAIL, failed.failure().failureClass());
        assertEquals("tiny", failed.failure().project());
        assertTrue(failed.failure().message().contains("c2rust is not installed"), failed.failure().message());
    }

    @Test
    void aToolThatWritesNoCrateIsATranslateFailure() throws IOException {
        // /bin/true stands in for a c2rust that "succeeds" but writes nothing: the translator must notice.
        TranslationOutcome out = new C2RustTranslator(runner, Path.of("/bin/true")).translate(request(copyFixture(), null));
        TranslationOutcome.Failed failed = assertInstanceOf(TranslationOutcome.Failed.class, out);
        assertEquals(FailureClass.TRANSLATE_FAIL, failed.failure().failureClass());
        assertTrue(failed.failure().message().contains("wrote no Cargo.toml"), failed.failure().message());
    }

    @Test
    void aMissingSourceFileIsNamedInTheFailure() throws IOException {
        Path src = copyFixture();
        TranslationRequest req = new TranslationRequest("tiny", src, List.of("nope.c"), List.of(), null,
                tmp.resolve("tiny"));
        TranslationOutcome out = new C2RustTranslator(runner, Path.of("/bin/true")).translate(req);
        TranslationOutcome.Failed failed = assertInstanceOf(TranslationOutcome.Failed.class, out);
        assertTrue(failed.failure().message().contains("nope.c"), failed.failure().message());
    }

    @Test
    void translatedStateMachineBuildsAndPrintsWhatTheCPrints() throws Exception {
        Optional<Path> c2rust = C2RustTranslator.locate();
        assumeTrue(c2rust.isPresent(), "c2rust not installed (native-runner/tools/c2rust/install.sh): skipped");
        Path src = copyFixture();

        CommandResult cc = runner.run(cmd(src, "cc", "-O2", "-o", tmp.resolve("tiny_c").toString(), "tiny_lexer.c"));
        assertTrue(cc.ok(), cc.stderr());
        CommandResult cRun = runner.run(cmd(src, tmp.resolve("tiny_c").toString()));
        assertTrue(cRun.ok(), cRun.stderr());

        TranslationOutcome out = new C2RustTranslator(runner, c2rust.get()).translate(request(src, "tiny_lexer"));
        TranslationOutcome.Translated t = assertInstanceOf(TranslationOutcome.Translated.class, out, out.toString());
        assertTrue(t.rustFiles().contains(Path.of("src", "tiny_lexer.rs")), t.rustFiles().toString());
        String rust = Files.readString(t.crateDir().resolve("src/tiny_lexer.rs"));
        assertTrue(rust.contains("current_block"), "the resumable switch becomes a current_block loop");
        assertTrue(Files.notExists(t.crateDir().resolve("rust-toolchain.toml")), "nightly pin removed");

        Command build = new Command(List.of("cargo", "build", "--release", "--offline", "--quiet"), t.crateDir(),
                Map.of("RUSTC_BOOTSTRAP", "1", "CARGO_TARGET_DIR", tmp.resolve("target").toString()),
                Duration.ofMinutes(5));
        CommandResult built = runner.run(build);
        assertTrue(built.ok(), built.stderr());
        CommandResult rustRun = runner.run(cmd(src, tmp.resolve("target/release/tiny_lexer").toString()));
        assertTrue(rustRun.ok(), rustRun.stderr());
        assertEquals(cRun.stdout(), rustRun.stdout());
        assertTrue(cRun.stdout().startsWith("words=5 numbers=4 fractions=2 puncts=9"), cRun.stdout());
    }

    private TranslationRequest request(Path src, String binary) {
        return new TranslationRequest("tiny", src, List.of("tiny_lexer.c"), List.of(), binary, tmp.resolve("tiny"));
    }

    private Path copyFixture() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        try (InputStream in = getClass().getResourceAsStream("/translate/tiny_lexer.c")) {
            Files.copy(in, src.resolve("tiny_lexer.c"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return src;
    }

    private static Command cmd(Path dir, String... argv) {
        return new Command(List.of(argv), dir, Map.of(), Duration.ofMinutes(2));
    }
}
