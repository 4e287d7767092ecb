package io.loopscout.extract.rust;

import io.loopscout.extract.parse.SyntaxNode;
import java.math.BigInteger;
import java.util.Locale;

/** What a Rust expression or pattern is as a state value: constant or not, literal kind, numeric value. */
final class RustValues {

    private RustValues() {
    }

    /** The literal kinds a constant can have, used to infer {@code state_type} when no declaration says. */
    enum Kind { INTEGER, BOOL, CHAR, FLOAT, PATH }

    /** The constant kind of {@code value}, or null when it is not a constant (shared/patterns.md "constant"). */
    static Kind constantKind(SyntaxNode value) {
        SyntaxNode v = unparen(value);
        switch (v.type) {
            case "integer_literal":
                return Kind.INTEGER;
            case "float_literal":
                return Kind.FLOAT;
            case "boolean_literal":
                return Kind.BOOL;
            case "char_literal":
                return Kind.CHAR;
            case "unary_expression": {
                SyntaxNode inner = v.namedChildren().isEmpty() ? null : v.namedChildren().get(0);
                if (v.hasToken("-") && inner != null
                        && (inner.is("integer_literal") || inner.is("float_literal"))) {
                    return inner.is("integer_literal") ? Kind.INTEGER : Kind.FLOAT;
                }
                return null;
            }
            case "identifier":
                // By Rust convention upper-case names are unit variants (after `use State::*`) or const items.
                return startsUpper(v.text()) ? Kind.PATH : null;
            case "scoped_identifier": {
                SyntaxNode name = v.child("name");
                return name != null && startsUpper(name.text()) ? Kind.PATH : null;
            }
            default:
                return null;
        }
    }

    static SyntaxNode unparen(SyntaxNode n) {
        SyntaxNode v = n;
        while (v.is("parenthesized_expression") && !v.namedChildren().isEmpty()) {
            v = v.namedChildren().get(0);
        }
        return v;
    }

    static boolean startsUpper(String s) {
        return !s.isEmpty() && Character.isUpperCase(s.charAt(0));
    }

    /** The last segment of a path ({@code State::Head} → {@code Head}). */
    static String lastSegment(String path) {
        int i = path.lastIndexOf("::");
        return i < 0 ? path : path.substring(i + 2);
    }

    /** The path before the last segment ({@code State::Head} → {@code State}), or null. */
    static String qualifier(String path) {
        int i = path.lastIndexOf("::");
        return i < 0 ? null : path.substring(0, i);
    }

    /** The value of an integer literal ({@code 0x1F_u8}, {@code -3}, {@code 17778060431282087302u64}), or null. */
    private static final java.util.regex.Pattern INTEGER_SUFFIX =
            java.util.regex.Pattern.compile("(?:[ui](?:8|16|32|64|128|size))$");

    /** What {@code new BigInteger(s, radix)} accepts: an optional sign, then one or more digits. */
    private static boolean digitsIn(String s, int radix) {
        int from = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        if (from == s.length()) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), radix) < 0) {
                return false;
            }
        }
        return true;
    }

    static BigInteger integerValue(String literal) {
        if (literal.isEmpty() || !startsLikeInteger(literal.charAt(0))) {
            // Most values are paths (State::Next); this spares them the normalising below.
            return null;
        }
        String s = literal.replace("_", "").toLowerCase(Locale.ROOT);
        boolean negative = s.startsWith("-");
        if (negative) {
            s = s.substring(1);
        }
        int radix = 10;
        if (s.startsWith("0x")) {
            radix = 16;
            s = s.substring(2);
        } else if (s.startsWith("0o")) {
            radix = 8;
            s = s.substring(2);
        } else if (s.startsWith("0b")) {
            radix = 2;
            s = s.substring(2);
        }
        s = INTEGER_SUFFIX.matcher(s).replaceFirst("");
        if (!digitsIn(s, radix)) {
            // Most values are paths (State::Next): rejecting them here spares a NumberFormatException each.
            return null;
        }
        try {
            BigInteger v = new BigInteger(s, radix);
            return negative ? v.negate() : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** What an integer literal may start with here: a digit, its sign, or an underscore (dropped above). */
    private static boolean startsLikeInteger(char c) {
        return c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    /** The state type named by a primitive type, or null when {@code type} is not a primitive. */
    static String primitiveStateType(String type) {
        return switch (type) {
            case "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize" -> "integer";
            case "bool" -> "bool";
            case "char" -> "char";
            case "f32", "f64" -> "float";
            // C's integer types as c2rust names them (`::core::ffi::c_uint`, the type its enums alias)
            default -> StatePlace.isIntegerType(type) ? "integer" : null;
        };
    }
}
