package io.loopscout.extract.c;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The texts of a C file's local includes ({@code #include "x.h"} resolved relative to the including file),
 * followed transitively, for {@link MacroTable#of(Map)}. System includes ({@code <x.h>}) are not read.
 */
public final class LocalIncludes {

    /** Bounds a pathological include graph. */
    private static final int MAX_FILES = 64;
    private static final long MAX_SIZE = 4L * 1024 * 1024;

    private LocalIncludes() {
    }

    /** The local includes of {@code text} (the content of {@code file}), path → text, nearest first. */
    public static Map<String, String> of(Path file, String text) {
        return of(file.toAbsolutePath().normalize().toString(), text, path -> {
            Path p = Path.of(path);
            return Files.isRegularFile(p) ? read(p) : null;
        });
    }

    /**
     * The local includes of {@code text} (the content of the file at {@code path}), resolved through
     * {@code reader} (path → text, or null when there is no such file): used where a project's files travel in
     * memory rather than on a disk. Paths are '/'-separated and normalised.
     */
    public static Map<String, String> of(String path, String text, Function<String, String> reader) {
        Map<String, String> out = new LinkedHashMap<>();
        Deque<Map.Entry<String, String>> work = new ArrayDeque<>();
        work.add(Map.entry(path, text));
        while (!work.isEmpty() && out.size() < MAX_FILES) {
            Map.Entry<String, String> e = work.poll();
            Path dir = Path.of(e.getKey()).getParent();
            for (String name : quotedIncludes(e.getValue())) {
                if (out.size() >= MAX_FILES) {
                    break;
                }
                String key = (dir == null ? Path.of(name) : dir.resolve(name)).normalize().toString()
                        .replace('\\', '/');
                if (out.containsKey(key) || key.equals(path)) {
                    continue;
                }
                String incText = reader.apply(key);
                if (incText != null) {
                    out.put(key, incText);
                    work.add(Map.entry(key, incText));
                }
            }
        }
        return out;
    }

    /**
     * The names in {@code #include "name"} lines, in order. A scan for the word, not a multi-line regex: the
     * regex took a tenth of a parse on the SQLite amalgamation.
     */
    static java.util.List<String> quotedIncludes(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int i = text.indexOf("include");
        while (i >= 0) {
            int j = i - 1;
            while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j--;
            }
            if (j >= 0 && text.charAt(j) == '#') {
                int k = j - 1;
                while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
                    k--;
                }
                int q = i + "include".length();
                while (q < text.length() && (text.charAt(q) == ' ' || text.charAt(q) == '\t')) {
                    q++;
                }
                if ((k < 0 || text.charAt(k) == '\n') && q < text.length() && text.charAt(q) == '"') {
                    int close = text.indexOf('"', q + 1);
                    int eol = text.indexOf('\n', q + 1);
                    if (close > q && (eol < 0 || close < eol)) {
                        out.add(text.substring(q + 1, close));
                    }
                }
            }
            i = text.indexOf("include", i + 7);
        }
        return out;
    }

    /** The file decoded as UTF-8 with malformed bytes replaced, or null when unreadable or larger than 4 MB. */
    static String read(Path p) {
        return read(p, MAX_SIZE);
    }

    /** The file decoded as UTF-8 with malformed bytes replaced, or null when unreadable or too large. */
    public static String read(Path p, long maxBytes) {
        try {
            if (Files.size(p) > maxBytes) {
                return null;
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p))).toString();
        } catch (IOException e) {
            return null;
        }
    }
}
