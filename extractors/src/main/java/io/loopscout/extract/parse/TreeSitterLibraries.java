package io.loopscout.extract.parse;

import io.loopscout.extract.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which tree-sitter native libraries parse: the optimised ones {@code extractors/native/build-natives.sh} built on
 * this machine, or the unoptimised ones bundled in the io.github.bonede jars.
 *
 * <p>bonede's loader reads {@code lib/<arch>-<os>-<name>.<ext>} through its class loader, so whichever copy comes
 * first on the classpath is the one loaded; the build script records the SHA-256 of what it built, and this class
 * compares those with the bytes the loader will read.
 *
 * <p>bonede's loader copies each library to {@code ~/.tree-sitter/lib/} (system property {@code tree-sitter-lib})
 * and loads the copy. That folder is shared by every JVM of the user, and a JVM with the other libraries on its
 * classpath overwrites the copy between this one's write and load. So unless the property is set already, this
 * class points it at a folder named by the libraries' content (in loopscout's cache), where every writer writes
 * the same bytes.
 */
public final class TreeSitterLibraries {

    private static final Logger LOG = LoggerFactory.getLogger(TreeSitterLibraries.class);
    private static final List<String> NAMES = List.of("tree-sitter", "tree-sitter-rust", "tree-sitter-c");
    private static final String BUILD_RECORD = "tree-sitter-natives.properties";
    private static final String STORE_PROPERTY = "tree-sitter-lib";
    /** How many class loaders of this JVM have loaded the libraries, and the folder the first one used. */
    private static final String LOADERS_PROPERTY = "loopscout.tree-sitter-lib.loaders";
    private static final String BASE_PROPERTY = "loopscout.tree-sitter-lib.base";
    /** Digests by loader and resource: {@link #inspect} and {@link #store} read the same libraries. */
    private static final java.util.Map<List<Object>, String> DIGESTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Where the libraries come from. */
    public enum Kind {
        /** Built from source on this machine with the system C compiler (-O2). */
        OPTIMISED,
        /** The io.github.bonede jars' own, compiled without optimisation. */
        BUNDLED
    }

    /** The libraries in use and a line saying what they are (compiler, or why the bundled ones). */
    public record Loaded(Kind kind, String detail) {
    }

    private static Loaded loaded;

    private TreeSitterLibraries() {
    }

    /**
     * The libraries tree-sitter parses with in this JVM. Call before the first tree-sitter class loads a library
     * ({@link ParsedSource.Grammar#language} does): the first call chooses the folder they are loaded from, and logs
     * a warning when they are the bundled ones.
     */
    public static synchronized Loaded loaded() {
        if (loaded == null) {
            ClassLoader loader = org.treesitter.utils.NativeUtils.class.getClassLoader();
            loaded = inspect(loader);
            loadAll(loader);
            if (loaded.kind() == Kind.BUNDLED) {
                LOG.warn("tree-sitter parses with the unoptimised libraries bundled in the io.github.bonede jars"
                        + " (2-3x slower): {}", loaded.detail());
            }
        }
        return loaded;
    }

    /**
     * Loads the three libraries now, each class loader of this JVM from its own folder. The JVM refuses a library
     * file that another class loader loaded already, and a Flink TaskManager gives every job its own class loader
     * (with its own copy of this class): the second job on a session cluster failed with "already loaded in another
     * class loader". So the first class loader takes the content-named folder (or the user's {@code tree-sitter-lib}),
     * the n-th its subfolder {@code loader-n}; bonede's loader reads the JVM-wide property at each load, so every
     * class loader loads all three at once, under a monitor all copies of this class share.
     */
    private static void loadAll(ClassLoader loader) {
        synchronized (System.getProperties()) { // one object in the JVM, whichever class loader asks
            int earlier = Integer.getInteger(LOADERS_PROPERTY, 0);
            System.setProperty(LOADERS_PROPERTY, String.valueOf(earlier + 1));
            String base = System.getProperty(BASE_PROPERTY);
            if (base == null) {
                String set = System.getProperty(STORE_PROPERTY);
                base = set != null ? set : store(loader).toString();
                System.setProperty(BASE_PROPERTY, base);
            }
            System.setProperty(STORE_PROPERTY, earlier == 0 ? base : Path.of(base, "loader-" + (earlier + 1)).toString());
            for (String c : List.of("org.treesitter.TSParser", "org.treesitter.TreeSitterRust",
                    "org.treesitter.TreeSitterC")) {
                try {
                    Class.forName(c, true, loader); // its static initialiser loads the library
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("tree-sitter class missing: " + c, e);
                }
            }
        }
    }

    /** Compares the build record with the libraries {@code loader} would hand to bonede's loader. */
    static Loaded inspect(ClassLoader loader) {
        Properties record = new Properties();
        try (InputStream in = TreeSitterLibraries.class.getResourceAsStream(BUILD_RECORD)) {
            if (in == null) {
                return new Loaded(Kind.BUNDLED, "this build made no optimised libraries (no " + BUILD_RECORD + ")");
            }
            record.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Boolean.parseBoolean(record.getProperty("built"))) {
            return new Loaded(Kind.BUNDLED, record.getProperty("reason", "the build made no optimised libraries"));
        }
        for (String name : NAMES) {
            String file = platformFileName(name);
            String expected = record.getProperty("sha256." + file);
            String actual = sha256(loader, "lib/" + file);
            if (actual == null || !actual.equals(expected)) {
                return new Loaded(Kind.BUNDLED, "lib/" + file + " on the classpath is not the one the build made"
                        + " (a bonede jar comes first on the classpath)");
            }
        }
        return new Loaded(Kind.OPTIMISED, record.getProperty("compiler") + " " + record.getProperty("flags"));
    }

    /** A folder for bonede's copies of the libraries, named by their content. */
    private static Path store(ClassLoader loader) {
        StringBuilder content = new StringBuilder();
        for (String name : NAMES) {
            content.append(sha256(loader, "lib/" + platformFileName(name))).append('\n');
        }
        String key = sha256(new java.io.ByteArrayInputStream(content.toString().getBytes(StandardCharsets.UTF_8)));
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("loopscout").resolve("tree-sitter-lib").resolve(key.substring(0, 16));
    }

    /** The file name bonede's NativeUtils looks up for {@code name} on this platform. */
    static String platformFileName(String name) {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String cpu = arch.contains("amd64") || arch.contains("x86_64") ? "x86_64" : arch;
        if (os.contains("windows")) {
            return cpu + "-windows-" + name + ".dll";
        }
        if (os.contains("mac")) {
            return cpu + "-macos-" + name + ".dylib";
        }
        return cpu + "-linux-gnu-" + name + ".so";
    }

    /** The digest of a resource of {@code loader}, or null when it has none; once per resource (2 MB of bytes). */
    private static String sha256(ClassLoader loader, String resource) {
        return DIGESTS.computeIfAbsent(List.of(loader, resource), k -> {
            try (InputStream in = loader.getResourceAsStream(resource)) {
                return in == null ? null : sha256(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String sha256(InputStream in) {
        try {
            return HexFormat.of().formatHex(Sha256.digest().digest(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
    /**
     * Whether loopscout's own entry point {@code source} (a C file built into the optimised tree-sitter library)
     * is there at the {@code expected} version; logs why not, and that {@code fallback} is used instead. Call only
     * when {@link #loaded()} is {@link Kind#OPTIMISED}.
     */
    static boolean entryPoint(String source, int expected, java.util.function.IntSupplier version, String fallback) {
        try {
            new org.treesitter.TSParser(); // loads lib/tree-sitter, which holds the entry points' native methods
            int found = version.getAsInt();
            if (found != expected) {
                LOG.warn("tree-sitter: {} is version {}, this build expects {}; {}", source, found, expected, fallback);
            }
            return found == expected;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.warn("tree-sitter: no {} entry point ({}); {}", source, e, fallback);
            return false;
        }
    }
}
