package io.loopscout.extract.rewrite;

import io.loopscout.extract.parse.ParsedSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The crate root files of a package (lib and bin targets): where the feature gate goes. */
final class CrateRoots {

    private static final Pattern TARGET_PATH = Pattern.compile(
            "(?ms)^\\s*\\[\\[?(lib|bin)\\]\\]?\\s*$(.*?)(?=^\\s*\\[|\\z)");
    private static final Pattern PATH = Pattern.compile("(?m)^\\s*path\\s*=\\s*\"([^\"]+)\"");

    private CrateRoots() {
    }

    private static final Pattern FEATURE_ATTR = Pattern.compile("^#!\\[\\s*feature\\s*\\(");

    /**
     * True when one of {@code roots} (relative to {@code crate}) declares {@code #![feature(..)]} unconditionally,
     * as c2rust's output does: such a crate builds only with {@code RUSTC_BOOTSTRAP=1}, so its baseline build is
     * {@link CrateBuilder.Variant#BOOTSTRAPPED}. A feature under {@code cfg_attr} (a cargo feature off by
     * default, the loop_match gate itself) does not count.
     */
    static boolean anyDeclaresFeatures(Path crate, Collection<String> roots) throws IOException {
        for (String rel : roots) {
            if (declaresFeatures(Files.readString(crate.resolve(rel), StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    /** True when the crate root text declares {@code #![feature(..)]} at top level (comments do not count). */
    static boolean declaresFeatures(String rootText) {
        ParsedSource p = ParsedSource.parse(ParsedSource.Grammar.RUST, rootText);
        for (int i = 0; i < p.root().getChildCount(); i++) {
            var c = p.root().getChild(i);
            if (c.getType().equals("inner_attribute_item") && FEATURE_ATTR.matcher(p.text(c)).find()) {
                return true;
            }
        }
        return false;
    }

    /** Root files that exist, relative to the crate, the lib first. */
    static List<String> roots(Path crate) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        String toml = Files.readString(crate.resolve("Cargo.toml"), StandardCharsets.UTF_8);
        Matcher m = TARGET_PATH.matcher(toml);
        String lib = null;
        while (m.find()) {
            Matcher p = PATH.matcher(m.group(2));
            if (p.find()) {
                String rel = Path.of(p.group(1)).normalize().toString().replace('\\', '/');
                if (m.group(1).equals("lib")) {
                    lib = rel;
                } else {
                    out.add(rel);
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        ordered.add(lib != null ? lib : "src/lib.rs");
        ordered.add("src/main.rs");
        ordered.addAll(out);
        Path bin = crate.resolve("src/bin");
        if (Files.isDirectory(bin)) {
            try (Stream<Path> s = Files.list(bin)) {
                s.sorted().forEach(p -> {
                    if (p.toString().endsWith(".rs")) {
                        ordered.add("src/bin/" + p.getFileName());
                    } else if (Files.isRegularFile(p.resolve("main.rs"))) {
                        ordered.add("src/bin/" + p.getFileName() + "/main.rs");
                    }
                });
            }
        }
        return ordered.stream().distinct().filter(r -> Files.isRegularFile(crate.resolve(r))).toList();
    }

    private static final Pattern BIN = Pattern.compile("(?ms)^\\s*\\[\\[bin\\]\\]\\s*$(.*?)(?=^\\s*\\[|\\z)");
    private static final Pattern NAME = Pattern.compile("(?m)^\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern PACKAGE = Pattern.compile("(?ms)^\\s*\\[package\\]\\s*$(.*?)(?=^\\s*\\[|\\z)");

    /**
     * The cargo target selection that builds exactly {@code roots} ({@code --lib}, {@code --bin NAME}), lib first.
     * A bin's name is its {@code [[bin]]} name, else the package's for {@code src/main.rs}, else the file's.
     */
    static List<String> targetArgs(Path crate, List<String> roots) throws IOException {
        String toml = Files.readString(crate.resolve("Cargo.toml"), StandardCharsets.UTF_8);
        Map<String, String> binNames = new java.util.HashMap<>();
        Matcher m = BIN.matcher(toml);
        while (m.find()) {
            Matcher path = PATH.matcher(m.group(1));
            Matcher name = NAME.matcher(m.group(1));
            if (path.find() && name.find()) {
                binNames.put(Path.of(path.group(1)).normalize().toString().replace('\\', '/'), name.group(1));
            }
        }
        Matcher pkg = PACKAGE.matcher(toml);
        Matcher pkgName = pkg.find() ? NAME.matcher(pkg.group(1)) : null;
        String packageName = pkgName != null && pkgName.find() ? pkgName.group(1) : null;
        List<String> lib = lib(roots(crate)).stream().toList();
        List<String> args = new ArrayList<>();
        for (String root : roots) {
            if (lib.contains(root)) {
                args.add(0, "--lib");
                continue;
            }
            String name = binNames.get(root);
            if (name == null && root.equals("src/main.rs")) {
                name = packageName;
            } else if (name == null && root.startsWith("src/bin/")) {
                String rest = root.substring("src/bin/".length());
                name = rest.endsWith("/main.rs") ? rest.substring(0, rest.length() - "/main.rs".length())
                        : rest.replaceAll("\\.rs$", "");
            }
            if (name == null) {
                return List.of(); // a target we cannot name: let cargo build its defaults
            }
            args.add("--bin");
            args.add(name);
        }
        return args;
    }

    /** The lib's root among {@code roots} (the first that is no bin's), if the package has one. */
    static java.util.Optional<String> lib(Collection<String> roots) {
        return roots.stream().filter(r -> !r.startsWith("src/bin/") && !r.equals("src/main.rs")).findFirst();
    }

    /**
     * The roots whose crates contain the touched files: the lib for files outside bin targets (or main.rs in a
     * crate without lib), and each bin target whose root or directory holds a touched file.
     */
    static List<String> rootsFor(Collection<String> touched, Collection<String> roots) {
        List<String> out = new ArrayList<>();
        String lib = lib(roots).orElse(null);
        for (String root : roots) {
            if (!root.endsWith(".rs")) {
                continue;
            }
            String dir = root.endsWith("/main.rs") && root.startsWith("src/bin/")
                    ? root.substring(0, root.length() - "main.rs".length()) : null;
            boolean binTouched = touched.contains(root) || dir != null && touched.stream().anyMatch(t -> t.startsWith(dir));
            boolean isBin = root.startsWith("src/bin/") || root.equals("src/main.rs");
            // a bin at a custom path (c2rust --binary) is a touched root that is not the lib
            if (isBin && binTouched || touched.contains(root) && !root.equals(lib)) {
                out.add(root);
            }
        }
        boolean outsideBins = touched.stream().anyMatch(t -> !t.startsWith("src/bin/") && !t.equals("src/main.rs"));
        if (outsideBins) {
            if (lib != null) {
                out.remove(lib); // a lib at a custom path may be in already (touched): once, and first
                out.add(0, lib);
            } else if (roots.contains("src/main.rs") && !out.contains("src/main.rs")) {
                out.add(0, "src/main.rs");
            }
        }
        return out;
    }
}
