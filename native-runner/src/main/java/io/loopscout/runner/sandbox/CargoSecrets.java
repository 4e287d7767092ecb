package io.loopscout.runner.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cargo home's secrets, kept from a sandboxed command: its token files read as empty, and its config files
 * read as a copy with every secret value blanked ({@code "***"}, {@code []}, <code>{}</code>: the same TOML type,
 * so cargo still parses it) — at any depth (tables in tables, dotted and quoted keys, inline tables, arrays of
 * tables), because the redaction looks at key names, not at the structure.
 * A build script could otherwise print a token into the log, whose lines reach failures.csv and report.html.
 * Close it after the command: it deletes the redacted copies.
 */
final class CargoSecrets implements AutoCloseable {

    /** One file seen inside the sandbox in place of {@code target}. */
    record Mask(Path source, Path target) {
    }

    /** Files of the cargo home that hold registry tokens only: shown as empty. */
    private static final List<String> TOKEN_FILES = List.of("credentials.toml", "credentials");
    /** Cargo's config files in its home: shown redacted (a build may need their other settings). */
    private static final List<String> CONFIG_FILES = List.of("config.toml", "config");
    private static final Path EMPTY = Path.of("/dev/null");

    /**
     * A key whose last segment names a secret ({@code token}, {@code secret-key}, {@code auth-token},
     * {@code credential-provider}, {@code password}...), bare or quoted, followed by {@code =}.
     */
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?<![A-Za-z0-9_-])([\"']?)[A-Za-z0-9_-]*(?:token|secret|password|credential)[A-Za-z0-9_-]*\\1[ \\t]*=[ \\t]*",
            Pattern.CASE_INSENSITIVE);
    /** A URL's user information ({@code https://user:pass@host}), wherever it stands. */
    private static final Pattern URL_USERINFO = Pattern.compile("(?<=://)[^/@\\s\"']+@");

    private final List<Mask> masks;
    private final List<Path> copies;

    private CargoSecrets(List<Mask> masks, List<Path> copies) {
        this.masks = masks;
        this.copies = copies;
    }

    /** The masks for {@code cmd}: none for the fetch (network, no corpus code) or without a cargo home. */
    static CargoSecrets of(SandboxCommand cmd) throws IOException {
        String home = cmd.env().get("CARGO_HOME");
        if (cmd.network() || home == null || home.isEmpty()) {
            return new CargoSecrets(List.of(), List.of());
        }
        List<Mask> masks = new ArrayList<>();
        List<Path> copies = new ArrayList<>();
        CargoSecrets secrets = new CargoSecrets(masks, copies);
        try {
            for (String name : TOKEN_FILES) {
                realFile(Path.of(home).resolve(name)).ifPresent(f -> masks.add(new Mask(EMPTY, f)));
            }
            for (String name : CONFIG_FILES) {
                java.util.Optional<Path> f = realFile(Path.of(home).resolve(name));
                if (f.isPresent()) {
                    Path copy = Files.createTempFile("loopscout-cargo-config", ".toml",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    copies.add(copy);
                    Files.writeString(copy, redact(Files.readString(f.get(), StandardCharsets.UTF_8)),
                            StandardCharsets.UTF_8);
                    masks.add(new Mask(copy, f.get()));
                }
            }
        } catch (IOException | RuntimeException e) {
            secrets.close();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        return secrets;
    }

    /** What to bind over which file (read-only). */
    List<Mask> masks() {
        return masks;
    }

    /** The file a reader of {@code f} gets (a link's target), if it is a regular file. */
    private static java.util.Optional<Path> realFile(Path f) throws IOException {
        return Files.isRegularFile(f) ? java.util.Optional.of(f.toRealPath()) : java.util.Optional.empty();
    }

    /**
     * {@code toml} with the value of every secret-named key, and every URL's user information, replaced by
     * {@code ***}; everything else kept as written.
     */
    static String redact(String toml) {
        StringBuilder out = new StringBuilder();
        Matcher m = SECRET_KEY.matcher(toml);
        int pos = 0;
        while (pos < toml.length() && m.find(pos)) {
            int valueStart = m.end();
            int valueEnd = TomlValue.end(toml, valueStart);
            // the same TOML type, so cargo still parses the file: a string, an array, a table; a bare value (a
            // number, a boolean) holds no secret and stays
            char first = valueStart < toml.length() ? toml.charAt(valueStart) : ' ';
            String blank = first == '[' ? "[]" : first == '{' ? "{}" : first == '"' || first == '\'' ? "\"***\"" : null;
            out.append(toml, pos, valueStart).append(blank != null ? blank : toml.substring(valueStart, valueEnd));
            pos = Math.max(valueEnd, valueStart);
        }
        out.append(toml, Math.min(pos, toml.length()), toml.length());
        return URL_USERINFO.matcher(out).replaceAll("***@");
    }

    @Override
    public void close() {
        for (Path c : copies) {
            try {
                Files.deleteIfExists(c);
            } catch (IOException e) {
                // a temp file left behind holds redacted text only
            }
        }
    }

    /** Where a TOML value starting at an offset ends: strings of the four kinds, arrays, inline tables, bare. */
    private static final class TomlValue {
        private TomlValue() {
        }

        static int end(String s, int i) {
            if (i >= s.length()) {
                return i;
            }
            if (s.startsWith("\"\"\"", i)) {
                int close = s.indexOf("\"\"\"", i + 3);
                while (close > 0 && s.charAt(close - 1) == '\\') {
                    close = s.indexOf("\"\"\"", close + 1);
                }
                return close < 0 ? s.length() : close + 3;
            }
            if (s.startsWith("'''", i)) {
                int close = s.indexOf("'''", i + 3);
                return close < 0 ? s.length() : close + 3;
            }
            char c = s.charAt(i);
            if (c == '"') {
                for (int j = i + 1; j < s.length(); j++) {
                    char d = s.charAt(j);
                    if (d == '\\') {
                        j++;
                    } else if (d == '"' || d == '\n') {
                        return j + 1;
                    }
                }
                return s.length();
            }
            if (c == '\'') {
                int close = s.indexOf('\'', i + 1);
                return close < 0 ? s.length() : close + 1;
            }
            if (c == '[' || c == '{') {
                int depth = 0;
                for (int j = i; j < s.length(); j++) {
                    char d = s.charAt(j);
                    if (d == '"' || d == '\'') {
                        j = end(s, j) - 1;
                    } else if (d == '#') {
                        int nl = s.indexOf('\n', j);
                        j = nl < 0 ? s.length() : nl;
                    } else if (d == '[' || d == '{') {
                        depth++;
                    } else if ((d == ']' || d == '}') && --depth == 0) {
                        return j + 1;
                    }
                }
                return s.length();
            }
            int j = i;
            while (j < s.length() && " \t\r\n,}]#".indexOf(s.charAt(j)) < 0) {
                j++;
            }
            return j;
        }
    }
}
