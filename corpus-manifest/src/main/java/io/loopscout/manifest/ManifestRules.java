package io.loopscout.manifest;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The one judge of manifest values that reach a command line, a path or generated TOML: crate names, versions,
 * cargo features, a {@code translate:} block's C sources and defines. Each method returns why a value is refused,
 * or null. Nothing accepted can start with {@code -}, hold a quote, a space or a control character, or leave the
 * project ({@code /}, {@code ..}). The loader asks at load time (with the line); the acquirer and the c2rust recipe
 * ask again, so library callers get the same rules.
 */
public final class ManifestRules {

    /** crates.io's rule for a crate name. */
    private static final Pattern CRATE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    /** semver.org's grammar (2.0.0): MAJOR.MINOR.PATCH, pre-release and build metadata, no leading zeros. */
    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                    + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");
    /** cargo's rule for a feature name, optionally {@code dependency/feature}. */
    private static final Pattern FEATURE = Pattern.compile(
            "[A-Za-z0-9_][A-Za-z0-9_+.-]*(?:/[A-Za-z0-9_][A-Za-z0-9_+.-]*)?");
    /** A C file of the project: relative, plain characters, no leading {@code -}. */
    private static final Pattern C_SOURCE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]*(?:/[A-Za-z0-9_][A-Za-z0-9_.+-]*)*\\.c");
    /** {@code NAME} or {@code NAME=VALUE}: a C identifier, a value of plain characters (one -D argument). */
    private static final Pattern DEFINE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:=[A-Za-z0-9_.+-]*)?");

    private ManifestRules() {
    }

    /** Why {@code name} is not a crates.io crate name ({@code [A-Za-z][A-Za-z0-9_-]{0,63}}), or null. */
    public static String crateName(String name) {
        return name != null && CRATE_NAME.matcher(name).matches() ? null
                : "bad crate name '" + shown(name) + "': use [A-Za-z][A-Za-z0-9_-]{0,63} (crates.io's rule)";
    }

    /** Why {@code version} is not an exact semver version ({@code 1.2.3}, {@code 0.1.13+1.0.8}), or null. */
    public static String crateVersion(String version) {
        return version != null && SEMVER.matcher(version).matches() ? null
                : "version must be an exact semver version (MAJOR.MINOR.PATCH[-PRE][+BUILD]), got '"
                        + shown(version) + "'";
    }

    /**
     * Why {@code url} is not a git URL loopscout clones ({@code http(s)}, {@code file}, {@code ssh}, {@code git}
     * or {@code user@host:path}), or null; a host or user starting with {@code -} ({@code ssh://-oProxyCommand=..})
     * would be an option to an ssh program.
     */
    public static String gitUrl(String url) {
        boolean shape = url != null && url.matches("(https?|file|ssh|git)://\\S+|[^\\s@]+@[^\\s:]+:\\S+");
        boolean option = url != null && (url.startsWith("-") || url.contains("://-") || url.matches("[^@]*@-.*"));
        return shape && !option ? null : "git source must be a URL (http(s)://, file://, ssh://, git:// or "
                + "user@host:path, no part starting with '-'), got '" + shown(url) + "'";
    }

    /** Why {@code feature} is not a cargo feature name, or null. */
    public static String feature(String feature) {
        return feature != null && FEATURE.matcher(feature).matches() ? null
                : "bad cargo feature '" + shown(feature) + "': use [A-Za-z0-9_][A-Za-z0-9_+.-]*";
    }

    /** Why {@code source} is not a C file inside the project (relative, no {@code ..}, ends in .c), or null. */
    public static String cSource(String source) {
        return source != null && C_SOURCE.matcher(source).matches() && !List.of(source.split("/")).contains("..")
                ? null
                : "bad C source '" + shown(source) + "': a .c file relative to the project's subdir, of "
                        + "[A-Za-z0-9_.+-] and /, without '..' (it must not leave the project or become a flag)";
    }

    /** Why {@code define} is not {@code NAME} or {@code NAME=VALUE} with a plain value, or null. */
    public static String define(String define) {
        return define != null && DEFINE.matcher(define).matches() ? null
                : "bad define '" + shown(define) + "': NAME or NAME=VALUE, NAME a C identifier, VALUE of "
                        + "[A-Za-z0-9_.+-] (a define must not carry a compiler flag)";
    }

    /** A value for a message: control characters as escapes, at most 120 characters. */
    static String shown(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(120).forEach(c -> {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                        b.append(String.format("\\u{%x}", c));
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return s.codePointCount(0, s.length()) > 120 ? b + "..." : b.toString();
    }
}
