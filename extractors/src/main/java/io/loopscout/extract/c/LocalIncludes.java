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
        Map<String, String> out = new LinkedHashMap<>();
        Deque<Map.Entry<Path, String>> work = new ArrayDeque<>();
        work.add(Map.entry(file, text));
        while (!work.isEmpty() && out.size() < MAX_FILES) {
            Map.Entry<Path, String> e = work.poll();
            Path dir = e.getKey().toAbsolutePath().getParent();
            Matcher m = INCLUDE.matcher(e.getValue());
            while (m.find() && out.size() < MAX_FILES) {
                Path inc = dir.resolve(m.group(1)).normalize();
                String key = inc.toString();
                if (out.containsKey(key) || !Files.isRegularFile(inc)) {
                    continue;
                }
                String incText = read(inc, MAX_SIZE);
                if (incText != null) {
                    out.put(key, incText);
                    work.add(Map.entry(inc, incText));
                }
            }
        }
        return out;
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
