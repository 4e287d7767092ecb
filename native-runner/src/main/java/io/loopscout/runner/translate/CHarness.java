package io.loopscout.runner.translate;

import java.util.Arrays;
import java.util.List;

/**
 * A bench driver for one C library's API: which codec source the shared driver ({@code bench/main.rs}) is built
 * with, and which exported function holds a workload (callgrind counts only inside it).
 */
public enum CHarness {
    /** libbzip2's one-shot buffer API. */
    BZIP2("bzip2", "bzip2", "BZ2_bzBuffToBuffCompress", "BZ2_bzBuffToBuffDecompress",
            List.of("provide-internal-error"), List.of()),
    /** lz4's block API on 64 KiB blocks (lz4 frames' default block size). */
    LZ4("lz4", "lz4", "LZ4_compress_default", "LZ4_decompress_safe", List.of(), List.of()),
    /** zlib's {@code deflate} / {@code inflate}, one call each with the whole buffer (inflate_fast underneath). */
    ZLIB("zlib", "zlib", "deflate", "inflate", List.of(), List.of()),
    /**
     * zlib's {@code inflate} fed 16 input bytes per call, as a streaming reader does: inflate's own state machine
     * (the loop the rewrite flattens) runs between the chunks.
     */
    ZLIB_STREAM("zlib-stream", "zlib", "deflate", "inflate", List.of(), List.of("--chunk", "16"));

    private final String id;
    private final String codec;
    private final String compressEntry;
    private final String decompressEntry;
    private final List<String> translationFeatures;
    private final List<String> driverArgs;

    CHarness(String id, String codec, String compressEntry, String decompressEntry, List<String> translationFeatures,
             List<String> driverArgs) {
        this.id = id;
        this.codec = codec;
        this.compressEntry = compressEntry;
        this.decompressEntry = decompressEntry;
        this.translationFeatures = translationFeatures;
        this.driverArgs = driverArgs;
    }

    /** The name used in manifests and on the command line. */
    public String id() {
        return id;
    }

    /** Driver arguments after the workload (how the library is fed). */
    List<String> driverArgs() {
        return driverArgs;
    }

    /** The harness named {@code id}; an unknown name is an error listing the known ones. */
    public static CHarness named(String id) {
        return Arrays.stream(values()).filter(h -> h.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown harness " + id + " (known: "
                        + String.join(", ", Arrays.stream(values()).map(CHarness::id).toList()) + ")"));
    }

    /** The library function a workload's instructions are counted in (inclusive of its callees). */
    public String entryPoint(String workload) {
        return switch (workload) {
            case "compress" -> compressEntry;
            case "decompress" -> decompressEntry;
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        };
    }

    /** The driver's codec source for this library, a classpath resource. */
    String codecResource() {
        return "/io/loopscout/runner/translate/bench/codec/" + codec + ".rs";
    }

    /**
     * Driver features for the C library and its translations (not the Rust port): bzip2 built with BZ_NO_STDIO
     * needs the program to provide {@code bz_internal_error}.
     */
    List<String> translationFeatures() {
        return translationFeatures;
    }
}
