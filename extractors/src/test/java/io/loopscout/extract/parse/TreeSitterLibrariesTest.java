package io.loopscout.extract.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optimised tree-sitter libraries (extractors/native/build-natives.sh) are the ones loaded when the build made
 * them, and they parse every fixture to the same tree as the io.github.bonede jars' own libraries.
 */
class TreeSitterLibrariesTest {

    private static final Path FIXTURES = Path.of("src/test/resources");

    @Test
    void theLibrariesTheBuildMadeAreTheOnesInThisProcess() throws Exception {
        Properties record = buildRecord();
        assumeTrue(Boolean.parseBoolean(record.getProperty("built")),
                () -> "the build made no optimised libraries: " + record.getProperty("reason"));
        assertEquals(TreeSitterLibraries.Kind.OPTIMISED, TreeSitterLibraries.loaded().kind(),
                TreeSitterLibraries.loaded().detail());
        assertTrue(DirectParse.available(), "the optimised core library has direct_parse.c's entry point");
        assertTrue(TreeDump.available() || Boolean.getBoolean("loopscout.cursor-copies"),
                "the optimised core library has tree_dump.c's entry point");
        ParsedSource.parse(ParsedSource.Grammar.RUST, "fn main() {}");
        ParsedSource.parse(ParsedSource.Grammar.C, "int main(void) { return 0; }");
        // What the dynamic linker mapped, not only what the classpath offers.
        Map<String, String> mapped = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            int slash = line.indexOf('/');
            if (slash > 0 && line.matches(".*-linux-gnu-tree-sitter(-rust|-c)?\\.so$")) {
                Path lib = Path.of(line.substring(slash));
                mapped.put(lib.getFileName().toString(), sha256(Files.readAllBytes(lib)));
            }
        }
        assertEquals(3, mapped.size(), "mapped tree-sitter libraries: " + mapped.keySet());
        mapped.forEach((file, sha) -> assertEquals(record.getProperty("sha256." + file), sha, file));
    }

    @Test
    void optimisedAndBundledLibrariesParseEveryFixtureToTheSameTree(@TempDir Path libStore) throws Exception {
        Map<String, String> here = ParseTreeDigests.digests(FIXTURES);
        assertTrue(here.size() > 100, "fixtures parsed: " + here.size());

        // A child JVM with the bonede jars first on its classpath loads their bundled libraries.
        List<String> bonedeFirst = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            (entry.contains("io" + File.separator + "github" + File.separator + "bonede") ? bonedeFirst : rest)
                    .add(entry);
        }
        assertEquals(3, bonedeFirst.size(), "bonede jars on the classpath: " + bonedeFirst);
        bonedeFirst.addAll(rest);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dtree-sitter-lib=" + libStore, "-cp", String.join(File.pathSeparator, bonedeFirst),
                ParseTreeDigests.class.getName(), FIXTURES.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, child.exitValue(), out);
        Map<String, String> bundled = new TreeMap<>();
        out.lines().map(l -> l.split("\t", 2)).forEach(kv -> bundled.put(kv[0], kv[1]));

        assertEquals(TreeSitterLibraries.Kind.BUNDLED.toString(), bundled.remove("libraries"));
        if (Boolean.parseBoolean(buildRecord().getProperty("built"))) {
            assertNotEquals(TreeSitterLibraries.Kind.BUNDLED, TreeSitterLibraries.loaded().kind(),
                    "both sides would be the bundled libraries");
        }
        assertEquals(bundled, here);
    }

    /**
     * Two class loaders of one JVM (as two jobs in one Flink TaskManager, each with its own copy of these classes)
     * both parse: the JVM refuses a library file another class loader loaded, so each loads its own copy.
     */
    @Test
    void everyClassLoaderOfTheJvmParses() throws Exception {
        List<URL> classpath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classpath.add(Path.of(entry).toUri().toURL());
        }
        List<URLClassLoader> loaders = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            URLClassLoader loader = new URLClassLoader(classpath.toArray(URL[]::new),
                    ClassLoader.getPlatformClassLoader());
            loaders.add(loader); // kept open: a loader's libraries stay loaded while it lives
            Class<?> parsed = Class.forName(ParsedSource.class.getName(), true, loader);
            @SuppressWarnings({"unchecked", "rawtypes"})
            Class<Enum> grammar = (Class<Enum>) Class.forName(ParsedSource.Grammar.class.getName(), true, loader);
            Method parse = parsed.getMethod("parse", grammar, String.class);
            for (String[] g : new String[][] {{"RUST", "fn main() { loop { match s { _ => break } } }"},
                    {"C", "int main(void) { for (;;) switch (s) { default: return 0; } }"}}) {
                assertNotEquals(null, parse.invoke(null, Enum.valueOf(grammar, g[0]), g[1]), g[0] + " in loader " + i);
            }
        }
        List<String> copies = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .filter(l -> l.endsWith("-linux-gnu-tree-sitter-rust.so")).map(l -> l.substring(l.indexOf('/')))
                .distinct().toList();
        assertTrue(copies.size() >= 2, "one copy of the library per class loader: " + copies);
        for (URLClassLoader loader : loaders) {
            loader.close();
        }
    }

    private static Properties buildRecord() throws IOException {
        Properties record = new Properties();
        try (InputStream in = TreeSitterLibraries.class.getResourceAsStream("tree-sitter-natives.properties")) {
            if (in != null) {
                record.load(in);
            } else {
                record.setProperty("reason", "no build record (the optimised-tree-sitter profile did not run)");
            }
        }
        return record;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
