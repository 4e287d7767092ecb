package io.loopscout.runner.translate;

import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZzBrotliTranslate {
    @Test
    void translate() throws Exception {
        CargoBuild cargo = new CargoBuild(Sandbox.detect(), RustToolchain.detect());
        Path src = Path.of("/tmp/s7-brotli/src/c");
        List<String> files = List.of("dec/bit_reader.c", "dec/decode.c", "dec/huffman.c", "dec/prefix.c", "dec/state.c",
                "dec/static_init.c", "common/constants.c", "common/context.c", "common/dictionary.c",
                "common/platform.c", "common/shared_dictionary.c", "common/transform.c");
        TranslationOutcome out = C2RustTranslator.sandboxed(cargo).translate(new TranslationRequest("brotli-dec", src,
                files, List.of("-I" + src.resolve("include")), null, Path.of("/tmp/s7-brotli/out/brotli-dec")));
        System.out.println("TRANSLATED " + out);
    }
}
