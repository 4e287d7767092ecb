package io.loopscout.pipeline.acquire;

import io.loopscout.core.FailureClass;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The entries of a {@code .crate} (a gzipped tar from the internet), judged before {@code tar} unpacks it: only
 * plain files and folders inside the crate's own {@code NAME-VERSION/} folder, with plain relative names, within
 * the input caps. Headers are read and contents skipped, so a decompression bomb costs little; GNU long names
 * ({@code L}) and pax headers ({@code x}) are read for the name they give the next entry.
 */
final class CrateArchive {

    /** Why an archive is not unpacked: the failure class and a message naming the entry. */
    record Problem(FailureClass failureClass, String message) {
    }

    private CrateArchive() {
    }

    /**
     * The first reason not to unpack {@code archive}, or null: an entry that is not a plain file or folder under
     * {@code top + "/"} ({@code fetch-fail}), or more files or bytes than {@code limits} ({@code input-capped}).
     */
    static Problem check(Path archive, InputLimits limits, String top) throws IOException {
        long files = 0;
        long bytes = 0;
        String nextName = null;
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(archive)))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                long size = size(header);
                if (size < 0) {
                    return new Problem(FailureClass.INPUT_CAPPED, "an entry too large to read");
                }
                byte type = header[156];
                if (type == 'L' || type == 'x') {
                    if (size > 1 << 20) {
                        return new Problem(FailureClass.FETCH_FAIL, "a name header of " + size + " bytes");
                    }
                    String text = new String(in.readNBytes((int) size), StandardCharsets.UTF_8);
                    in.skipNBytes((512 - size % 512) % 512);
                    String name = type == 'L' ? text.replaceAll("\0+$", "") : paxPath(text);
                    if (name != null) {
                        nextName = name;
                    }
                    continue;
                }
                if (type == 'g') { // pax global header: comments and defaults, no names
                    in.skipNBytes((size + 511) / 512 * 512);
                    continue;
                }
                String name = nextName != null ? nextName : headerName(header);
                nextName = null;
                String refused = refusedEntry(type, name, top);
                if (refused != null) {
                    return new Problem(FailureClass.FETCH_FAIL, "entry '" + printable(name) + "' " + refused);
                }
                if (type == '0' || type == 0 || type == '7') {
                    files++;
                    bytes += size;
                }
                String over = limits.exceeded(files, bytes);
                if (over != null) {
                    return new Problem(FailureClass.INPUT_CAPPED, over);
                }
                in.skipNBytes((size + 511) / 512 * 512);
            }
        } catch (EOFException e) {
            // a truncated archive: tar reports it when unpacking
        }
        return null;
    }

    /** Why an entry of this type and name is refused, or null for a plain file or folder of the crate. */
    private static String refusedEntry(byte type, String name, String top) {
        String kind = switch (type) {
            case '0', 0, '7', '5' -> null;
            case '1' -> "is a hard link";
            case '2' -> "is a symbolic link";
            case '3', '4' -> "is a device";
            case '6' -> "is a FIFO";
            default -> "is of tar type '" + (char) type + "', not a plain file or folder";
        };
        if (kind != null) {
            return kind;
        }
        if (name.startsWith("/")) {
            return "has an absolute name";
        }
        if (List.of(name.split("/")).contains("..")) {
            return "has a '..' in its name";
        }
        int slash = name.indexOf('/');
        String first = slash < 0 ? (type == '5' ? name : "") : name.substring(0, slash);
        if (!first.replace('_', '-').equalsIgnoreCase(top.replace('_', '-')) || name.contains("\\")) {
            return "lies outside " + top + "/";
        }
        return null;
    }

    /** The {@code path} of a pax extended header's records ({@code LEN key=value\n}...), or null. */
    private static String paxPath(String records) {
        for (String rec : records.split("\n")) {
            int sp = rec.indexOf(' ');
            if (sp > 0 && rec.startsWith("path=", sp + 1)) {
                return rec.substring(sp + 1 + "path=".length());
            }
        }
        return null;
    }

    /** A ustar header's name: its prefix field, a slash and its name field, when the prefix is set. */
    private static String headerName(byte[] h) {
        String name = field(h, 0, 100);
        boolean ustar = new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        String prefix = ustar ? field(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String field(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    /** A tar header's size field (octal); -1 for the base-256 form, used only for entries over 8 GiB. */
    private static long size(byte[] header) {
        if ((header[124] & 0x80) != 0) {
            return -1;
        }
        long size = 0;
        int i = 124;
        while (i < 136 && header[i] == ' ') {
            i++;
        }
        for (; i < 136 && header[i] >= '0' && header[i] <= '7'; i++) {
            size = size * 8 + (header[i] - '0');
        }
        return size;
    }

    /** A name for a message: control characters as {@code \\uXXXX}, at most 200 characters. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(200).forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
