package io.loopscout.extract.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.treesitter.TSLanguage;

/**
 * The parse trees of every Rust and C file under a folder, as digests of their S-expressions, plus each grammar's
 * table sizes: what two tree-sitter builds must agree on. Its {@code main} prints them for a child JVM.
 */
final class ParseTreeDigests {

    private ParseTreeDigests() {
    }

    /** {@code main(root)}: prints the libraries in use, then one {@code key<TAB>value} line per digest. */
    public static void main(String[] args) {
        System.out.println("libraries\t" + TreeSitterLibraries.loaded().kind());
        digests(Path.of(args[0])).forEach((k, v) -> System.out.println(k + "\t" + v));
    }

    /** Relative file path to the SHA-256 of its tree's S-expression and its error count; grammar sizes too. */
    static Map<String, String> digests(Path root) {
        Map<String, String> out = new TreeMap<>();
        for (ParsedSource.Grammar g : ParsedSource.Grammar.values()) {
            TSLanguage l = g.language();
            out.put("grammar " + g, "abi " + l.abiVersion() + ", symbols " + l.symbolCount() + ", states "
                    + l.stateCount() + ", fields " + l.fieldCount());
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                ParsedSource.Grammar g = name.endsWith(".rs") ? ParsedSource.Grammar.RUST
                        : name.endsWith(".c") || name.endsWith(".h") ? ParsedSource.Grammar.C : null;
                if (g == null) {
                    continue;
                }
                ParsedSource p = ParsedSource.parse(g, new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
                out.put(root.relativize(f).toString(), sha256(p.root().toString()) + " errors "
                        + p.errorCount(p.root()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
