package io.loopscout.runner.translate;

import java.util.List;
import java.util.Objects;

/**
 * How to translate and benchmark one C library with c2rust: its sources, the flags they need, and the
 * hand-written Rust port to compare against. The manifest's {@code translate:} block maps onto this.
 *
 * @param project         project id
 * @param crate           the crates.io crate that vendors the C sources (a {@code -sys} crate)
 * @param version         its exact version
 * @param subdir          the C library's directory inside that crate
 * @param sources         C files to translate and to compile for the C variant, relative to subdir
 * @param defines         preprocessor definitions, {@code NAME} or {@code NAME=VALUE}
 * @param harness         which bench driver exercises the library's API (only {@code bzip2} exists)
 * @param rustPort        a Rust port exporting the same C API (crate name), or null
 * @param rustPortVersion its exact version, or null
 * @param rustPortFeatures cargo features the port needs to export the C symbols
 */
public record CTranslationRecipe(String project, String crate, String version, String subdir, List<String> sources,
                                 List<String> defines, String harness, String rustPort, String rustPortVersion,
                                 List<String> rustPortFeatures) {

    public CTranslationRecipe {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(crate, "crate");
        Objects.requireNonNull(version, "version");
        sources = List.copyOf(sources);
        defines = List.copyOf(defines);
        rustPortFeatures = rustPortFeatures == null ? List.of() : List.copyOf(rustPortFeatures);
        if (!"bzip2".equals(harness)) {
            throw new IllegalArgumentException(project + ": unknown harness " + harness + " (known: bzip2)");
        }
    }

    /** bzip2 1.0.8 as bzip2-sys 0.1.13 vendors and builds it, against libbz2-rs-sys 0.2.6 (corpus-manifest/c2rust-bzip2.yaml). */
    public static CTranslationRecipe bzip2() {
        return new CTranslationRecipe("bzip2-c2rust", "bzip2-sys", "0.1.13+1.0.8", "bzip2-1.0.8",
                List.of("blocksort.c", "huffman.c", "crctable.c", "randtable.c", "compress.c", "decompress.c",
                        "bzlib.c"),
                List.of("_FILE_OFFSET_BITS=64", "BZ_NO_STDIO"), "bzip2", "libbz2-rs-sys", "0.2.6",
                List.of("export-symbols"));
    }

    /** The compiler arguments for the defines and the library's own include directory. */
    public List<String> clangArgs() {
        List<String> args = new java.util.ArrayList<>();
        defines.forEach(d -> args.add("-D" + d));
        args.add("-I.");
        return args;
    }
}
