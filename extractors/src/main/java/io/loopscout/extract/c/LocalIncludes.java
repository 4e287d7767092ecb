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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of a C file's local includes ({@code #include "x.h"} resolved relative to the including file),
 * followed transitively, for {@link MacroTable#of(Map)}. System includes ({@code <x.h>}) are not read.
 */
public final class LocalIncludes {

    private static final Pattern INCLUDE = Pattern.compile("(?m)^\\s*#\\s*include\\s*\"([^\"]+)\"");
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
            Matcher m = INCLUDE.matcher(e.getValue());
            while (m.find() && out.size() < MAX_FILES) {
                String key = (dir == null ? Path.of(m.group(1)) : dir.resolve(m.group(1))).normalize().toString()
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

    /** The file decoded as UTF-8 with malformed bytes replaced, or null when unreadable or too large. */
    static String read(Path p) {
        try {
            if (Files.size(p) > MAX_SIZE) {
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
