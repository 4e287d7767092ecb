package io.loopscout.runner.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CargoBuildTest {

    @Test
    void executablesComeFromCompilerArtifactsWithoutBuildScripts() {
        String log = String.join("\n",
                "   Compiling foo v0.1.0",
                "{\"reason\":\"compiler-artifact\",\"target\":{\"kind\":[\"custom-build\"],\"name\":\"build-script-build\"},"
                        + "\"executable\":\"/t/release/build/foo-1/build-script-build\"}",
                "{\"reason\":\"compiler-artifact\",\"target\":{\"kind\":[\"lib\"],\"name\":\"foo\"},\"executable\":null}",
                "{\"reason\":\"compiler-artifact\",\"target\":{\"kind\":[\"example\"],\"name\":\"inflate\"},"
                        + "\"executable\":\"/t/release/examples/inflate\"}",
                "{\"reason\":\"build-finished\",\"success\":true}",
                "{\"reason\":\"compiler-artifact\",\"executable\":\"/t/trunc");
        assertEquals(List.of(Path.of("/t/release/examples/inflate")), CargoBuild.executables(log));
    }

    @Test
    void variantsDifferOnlyInTheirOwnFlag() {
        assertEquals("-Ctarget-cpu=native", Variant.A.rustflags(" -Ctarget-cpu=native "));
        assertEquals("-Ctarget-cpu=native --cfg loop_match", Variant.B.rustflags("-Ctarget-cpu=native"));
        assertEquals("-Cllvm-args=-enable-dfa-jump-thread", Variant.D.rustflags(""));
        assertEquals(Variant.A.rustflags("x"), Variant.A_PRIME.rustflags("x"));
    }

    @Test
    void buildArgumentsNameTheCrateAndAddOfflineOnlyWhenTheCommandLacksIt() {
        Path crate = Path.of("/src/ws/member");
        assertEquals(List.of("build", "--release", "--offline", "--bin", "x", "--manifest-path",
                        "/src/ws/member/Cargo.toml", "--message-format=json"),
                CargoBuild.cargoArguments(List.of("build", "--release", "--offline", "--bin", "x"), crate));
        assertEquals(List.of("build", "--frozen", "--manifest-path", "/src/ws/member/Cargo.toml",
                        "--message-format=json"),
                CargoBuild.cargoArguments(List.of("build", "--frozen", "--message-format", "short"), crate));
        assertEquals(List.of("build", "--manifest-path", "/src/ws/Cargo.toml", "--offline", "--message-format=json"),
                CargoBuild.cargoArguments(List.of("build", "--manifest-path", "../Cargo.toml"), crate));
    }
}
