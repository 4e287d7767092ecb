package io.loopscout.runner.translate;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A c2rust recipe reads C only from inside its crate and passes only plain defines: absolute or {@code ..}
 * sources, a define carrying a flag, a TOML-breaking port name or feature are refused when the recipe is made
 * (the manifest loader's rules, for library callers); a source or subdir that is a symbolic link out of the crate
 * is refused before any compiler runs.
 */
class TranslateConfinementTest {

    private static CTranslationRecipe recipe(String subdir, List<String> sources, List<String> defines,
                                             List<String> features) {
        return new CTranslationRecipe("evil", "bzip2-sys", "0.1.13+1.0.8", subdir, sources, defines, "bzip2",
                "libbz2-rs-sys", "0.2.6", features);
    }

    @Test
    void sourcesDefinesAndFeaturesThatLeaveTheProjectOrCarryFlagsAreRefused() {
        for (List<List<String>> bad : List.<List<List<String>>>of(
                List.<List<String>>of(List.of("/etc/passwd.c"), List.of(), List.of()),
                List.<List<String>>of(List.of("../../secret.c"), List.of(), List.of()),
                List.<List<String>>of(List.of("-fplugin=/tmp/x.so.c"), List.of(), List.of()),
                List.<List<String>>of(List.of("a.c"), List.of("X -fplugin=/tmp/x.so"), List.of()),
                List.<List<String>>of(List.of("a.c"), List.of("-include/etc/passwd"), List.of()),
                List.<List<String>>of(List.of("a.c"), List.of(), List.of("a\"] }\n[patch.crates-io]")))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> recipe(".", bad.get(0), bad.get(1), bad.get(2)));
            assertTrue(e.getMessage().startsWith("evil: translate refused: "), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> recipe("../..", List.of("a.c"), List.of(), List.of()));
        for (String named : List.of("bzip2", "lz4", "zlib", "zlib-stream")) {
            CTranslationRecipe.named(named); // the shipped recipes pass the same rules
        }
    }

    @Test
    void aSourceOrSubdirLinkedOutOfTheCrateIsRefused(@TempDir Path tmp) throws IOException {
        Path crate = Files.createDirectories(tmp.resolve("bzip2-sys-0.1.13+1.0.8"));
        Path lib = Files.createDirectories(crate.resolve("bzip2-1.0.8"));
        Files.writeString(lib.resolve("bzlib.c"), "int x;\n");
        Path secret = Files.writeString(tmp.resolve("secret.c"), "ssh key\n");
        Files.createSymbolicLink(lib.resolve("decompress.c"), secret);
        assertNull(CComparisonRunner.outsideProject(recipe("bzip2-1.0.8", List.of("bzlib.c"), List.of(), List.of()),
                lib));
        String why = CComparisonRunner.outsideProject(recipe("bzip2-1.0.8", List.of("bzlib.c", "decompress.c"),
                List.of(), List.of()), lib);
        assertTrue(why != null && why.contains("'decompress.c'") && why.contains("outside the crate"), why);
        Files.createSymbolicLink(crate.resolve("linked"), tmp);
        why = CComparisonRunner.outsideProject(recipe("linked", List.of("secret.c"), List.of(), List.of()),
                crate.resolve("linked"));
        assertTrue(why != null && why.contains("subdir 'linked'"), why);
    }
}
