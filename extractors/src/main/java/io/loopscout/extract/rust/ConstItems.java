package io.loopscout.extract.rust;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file's lower-case {@code const} items with an integer value: c2rust turns each C enumerator into one
 * ({@code pub const s_dead: state = 1;}), and its code assigns them to the state. Read from the text only when a
 * loop asks about a lower-case name (upper-case names are constants by Rust convention, see {@link RustValues}).
 */
final class ConstItems {

    /** No file: no names. */
    static final ConstItems NONE = new ConstItems("");

    private static final Pattern ITEM = Pattern.compile(
            "\\bconst\\s+([a-z_]\\w*)\\s*:\\s*[^=;{}]+=\\s*(-?\\s*(?:0[xob])?[0-9][0-9A-Fa-f_]*\\w*)\\s*;");

    private final String text;
    private Map<String, BigInteger> values;

    ConstItems(String text) {
        this.text = text;
    }

    /** The integer value of lower-case const item {@code name}, or null when the file declares no such item. */
    BigInteger valueOf(String name) {
        if (name.isEmpty() || !Character.isLowerCase(name.charAt(0)) && name.charAt(0) != '_') {
            return null;
        }
        if (values == null) {
            values = new HashMap<>();
            if (text.contains("const")) {
                Matcher m = ITEM.matcher(text);
                while (m.find()) {
                    BigInteger v = RustValues.integerValue(m.group(2).replaceAll("\\s+", ""));
                    if (v != null) {
                        values.putIfAbsent(m.group(1), v);
                    }
                }
            }
        }
        return values.get(name);
    }
}
