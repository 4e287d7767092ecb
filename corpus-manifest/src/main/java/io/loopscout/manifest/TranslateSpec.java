package io.loopscout.manifest;

import java.io.Serializable;
import java.util.List;

/**
 * The c2rust experiment for a C project ({@code translate:} in a manifest): translate its C sources with
 * c2rust and measure the translation, its {@code #[loop_match]} rewrite and the LLVM flag against the C.
 *
 * @param sources  C files to translate and compile, relative to the project's {@code subdir}
 * @param defines  preprocessor definitions, {@code NAME} or {@code NAME=VALUE}
 * @param harness  the bench driver that exercises the library's API (known: {@code bzip2}, {@code lz4}, {@code zlib}, {@code zlib-stream})
 * @param rustPort a hand-written Rust port of the same C API, measured for context, or null
 */
public record TranslateSpec(List<String> sources, List<String> defines, String harness, RustPort rustPort)
        implements Serializable {

    /** The bench drivers loopscout has (native-runner's CHarness, which this module cannot see). */
    public static final List<String> HARNESSES = List.of("bzip2", "lz4", "zlib", "zlib-stream");

    public TranslateSpec {
        sources = List.copyOf(sources);
        defines = List.copyOf(defines);
    }

    /** A Rust port from crates.io exporting the same C symbols (with the given cargo features). */
    public record RustPort(String crate, String version, List<String> features) implements Serializable {
        public RustPort {
            features = List.copyOf(features);
        }
    }
}
