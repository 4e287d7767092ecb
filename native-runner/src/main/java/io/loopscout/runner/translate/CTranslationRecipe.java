package io.loopscout.runner.translate;

import io.loopscout.manifest.ManifestRules;
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
 * @param harness         which bench driver exercises the library's API
 * @param rustPort        a Rust port exporting the same C API (crate name), or null
 * @param rustPortVersion its exact version, or null
 * @param rustPortFeatures cargo features the port needs to export the C symbols
 */
public record CTranslationRecipe(String project, String crate, String version, String subdir, List<String> sources,
                                 List<String> defines, CHarness harness, String rustPort, String rustPortVersion,
                                 List<String> rustPortFeatures) {

    public CTranslationRecipe {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(crate, "crate");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(harness, "harness");
        sources = List.copyOf(sources);
        defines = List.copyOf(defines);
        rustPortFeatures = rustPortFeatures == null ? List.of() : List.copyOf(rustPortFeatures);
        // the same judge as the manifest loader: these values reach cc/c2rust argv and generated Cargo.toml
        List<String> refused = new java.util.ArrayList<>();
        addIfRefused(refused, ManifestRules.crateName(crate));
        addIfRefused(refused, ManifestRules.crateVersion(version));
        if (subdir != null && (subdir.startsWith("/") || subdir.startsWith("-")
                || List.of(subdir.split("/")).contains(".."))) {
            refused.add("subdir must be a relative path inside the crate, got '" + subdir + "'");
        }
        sources.forEach(x -> addIfRefused(refused, ManifestRules.cSource(x)));
        defines.forEach(x -> addIfRefused(refused, ManifestRules.define(x)));
        if (rustPort != null) {
            addIfRefused(refused, ManifestRules.crateName(rustPort));
            addIfRefused(refused, ManifestRules.crateVersion(rustPortVersion));
        }
        rustPortFeatures.forEach(x -> addIfRefused(refused, ManifestRules.feature(x)));
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException(project + ": translate refused: " + String.join("; ", refused));
        }
    }

    private static void addIfRefused(List<String> refused, String why) {
        if (why != null) {
            refused.add(why);
        }
    }

    /** A recipe whose harness is named as in a manifest; an unknown name is an error naming the project. */
    public CTranslationRecipe(String project, String crate, String version, String subdir, List<String> sources,
                              List<String> defines, String harness, String rustPort, String rustPortVersion,
                              List<String> rustPortFeatures) {
        this(project, crate, version, subdir, sources, defines, harnessNamed(project, harness), rustPort,
                rustPortVersion, rustPortFeatures);
    }

    private static CHarness harnessNamed(String project, String harness) {
        try {
            return CHarness.named(harness);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(project + ": " + e.getMessage(), e);
        }
    }

    /** The built-in recipe for {@code name} (bzip2, lz4, zlib, zlib-stream), as c2rust-bench.sh's {@code --project} names it. */
    public static CTranslationRecipe named(String name) {
        return switch (name) {
            case "bzip2" -> bzip2();
            case "lz4" -> lz4();
            case "zlib" -> zlib();
            case "zlib-stream" -> zlibStreamed();
            default -> throw new IllegalArgumentException("unknown project " + name
                    + " (known: bzip2, lz4, zlib, zlib-stream)");
        };
    }

    /** bzip2 1.0.8 as bzip2-sys 0.1.13 vendors and builds it, against libbz2-rs-sys 0.2.6 (corpus-manifest/c2rust-bzip2.yaml). */
    public static CTranslationRecipe bzip2() {
        return new CTranslationRecipe("bzip2-c2rust", "bzip2-sys", "0.1.13+1.0.8", "bzip2-1.0.8",
                List.of("blocksort.c", "huffman.c", "crctable.c", "randtable.c", "compress.c", "decompress.c",
                        "bzlib.c"),
                List.of("_FILE_OFFSET_BITS=64", "BZ_NO_STDIO"), CHarness.BZIP2, "libbz2-rs-sys", "0.2.6",
                List.of("export-symbols"));
    }

    /**
     * lz4 1.10.0's block API (lz4.c alone) as lz4-sys 1.11.1 vendors it (corpus-manifest/c2rust-lz4.yaml); no Rust
     * port exports lz4's C API.
     */
    public static CTranslationRecipe lz4() {
        return new CTranslationRecipe("lz4-c2rust", "lz4-sys", "1.11.1+lz4-1.10.0", "liblz4/lib", List.of("lz4.c"),
                List.of(), CHarness.LZ4, null, null, List.of());
    }

    /**
     * zlib as libz-sys 1.1.33 vendors it, without the gz* file API and without compress.c/uncompr.c (c2rust
     * 0.22.1's translation of those misses a size_t cast and does not build), against zlib-rs's C API
     * (libz-rs-sys) (corpus-manifest/c2rust-zlib.yaml).
     */
    public static CTranslationRecipe zlib() {
        return new CTranslationRecipe("zlib-c2rust", "libz-sys", "1.1.33", "src/zlib",
                List.of("adler32.c", "crc32.c", "deflate.c", "inflate.c", "inffast.c", "inftrees.c", "trees.c",
                        "zutil.c"),
                List.of("STDC", "_LARGEFILE64_SOURCE"), CHarness.ZLIB, "libz-rs-sys", "0.6.8",
                List.of("export-symbols"));
    }

    /** {@link #zlib()} with inflate fed 16 bytes per call (corpus-manifest/c2rust-zlib-stream.yaml). */
    public static CTranslationRecipe zlibStreamed() {
        CTranslationRecipe z = zlib();
        return new CTranslationRecipe("zlib-stream-c2rust", z.crate(), z.version(), z.subdir(), z.sources(),
                z.defines(), CHarness.ZLIB_STREAM, z.rustPort(), z.rustPortVersion(), z.rustPortFeatures());
    }

    /** The compiler arguments for the defines and the library's own include directory. */
    public List<String> clangArgs() {
        List<String> args = new java.util.ArrayList<>();
        defines.forEach(d -> args.add("-D" + d));
        args.add("-I.");
        return args;
    }
}
