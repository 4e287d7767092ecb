package io.loopscout.extract.rust;

import io.loopscout.extract.parse.SyntaxNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one definition of a state place, shared by the extractor (which place a loop dispatches on) and the
 * rewriter (which scrutinee it can copy into a local): a local, or a chain of fields and derefs rooted at a
 * local or {@code self} ({@code self.a.state}, {@code *s}, {@code (*s).mode}). A match may read it through
 * casts to an integer type, as c2rust writes a C {@code switch} ({@code match p_state as ::core::ffi::c_uint}).
 */
public final class StatePlace {

    private static final Pattern PLACE_TEXT =
            Pattern.compile("\\**(?:\\(\\**(?:self|[A-Za-z_]\\w*)(?:\\.[A-Za-z_]\\w*)*\\)|self|[A-Za-z_]\\w*)"
                    + "(?:\\.[A-Za-z_]\\w*)*");
    /**
     * An integer type, as a Rust primitive or a C type of {@code core::ffi}, {@code std::os::raw} or {@code libc}
     * (c2rust casts every scrutinee to one). An alias ({@code as state}) is not known to be one.
     */
    private static final Pattern INTEGER_TYPE = Pattern.compile("(?:(?:::)?(?:[A-Za-z_]\\w*::)*)"
            + "(?:[iu](?:8|16|32|64|128|size)|c_(?:s?char|uchar|u?short|u?int|u?long|u?longlong))");
    private static final Pattern TRAILING_CAST = Pattern.compile("(?s)(.*\\S)\\s+as\\s+([\\w:\\s]+)");
    private static final Pattern LAST_NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)$");

    private StatePlace() {
    }

    /**
     * True for a place a state can live in. Judged by text: the extractor's copy of a loop may hold such a chain
     * as a leaf (see {@link SyntaxNode#copyOf}).
     */
    public static boolean isPlace(SyntaxNode n) {
        return isPlace(n.compact());
    }

    /** True when {@code compact} (whitespace removed) is a place. */
    public static boolean isPlace(String compact) {
        return PLACE_TEXT.matcher(compact).matches();
    }

    /**
     * The expression a scrutinee reads under its casts to integer types ({@code p_state} of
     * {@code p_state as ::core::ffi::c_uint}, nested casts and parentheses too), or {@code n} itself when it is
     * no such cast. The caller judges whether that expression is a place.
     */
    public static SyntaxNode underIntegerCasts(SyntaxNode n) {
        SyntaxNode s = RustValues.unparen(n);
        while (s.is("type_cast_expression") && s.child("value") != null && s.child("type") != null
                && isIntegerType(s.child("type").compact())) {
            s = RustValues.unparen(s.child("value"));
        }
        return s == RustValues.unparen(n) ? n : s;
    }

    /** True for an integer type's text, whitespace removed ({@code u8}, {@code ::core::ffi::c_uint}). */
    public static boolean isIntegerType(String compact) {
        return INTEGER_TYPE.matcher(compact).matches();
    }

    /** True for a cast to an integer type of a place ({@code (*h).substate as c_uint}). */
    public static boolean isCastOfPlace(SyntaxNode n) {
        SyntaxNode inner = underIntegerCasts(n);
        return inner != n && isPlace(inner);
    }

    /**
     * Scrutinee text without its trailing casts to integer types ({@code p_state as ::core::ffi::c_uint} →
     * {@code p_state}): the text judge of the prefilter, before any tree is copied.
     */
    public static String withoutIntegerCasts(String text) {
        String t = text.strip();
        for (Matcher m = TRAILING_CAST.matcher(t); m.matches()
                && isIntegerType(m.group(2).replaceAll("\\s+", "")); m = TRAILING_CAST.matcher(t)) {
            t = m.group(1).strip();
            while (t.startsWith("(") && t.endsWith(")") && balanced(t.substring(1, t.length() - 1))) {
                t = t.substring(1, t.length() - 1).strip();
            }
        }
        return t;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            depth += s.charAt(i) == '(' ? 1 : s.charAt(i) == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** True for a place that is not a plain local: a field or a deref. */
    public static boolean isFieldOrDeref(SyntaxNode n) {
        return (n.is("field_expression") || n.is("unary_expression") && n.text().startsWith("*")) && isPlace(n);
    }

    /** The last name of a place ({@code self.a.mode} → {@code mode}), or {@code fallback} when it has none. */
    public static String lastName(String compact, String fallback) {
        Matcher m = LAST_NAME.matcher(compact);
        return m.find() ? m.group(1) : fallback;
    }
}
