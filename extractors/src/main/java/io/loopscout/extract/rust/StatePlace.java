package io.loopscout.extract.rust;

import io.loopscout.extract.parse.SyntaxNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one definition of a state place, shared by the extractor (which place a loop dispatches on) and the
 * rewriter (which scrutinee it can copy into a local): a local, or a chain of fields and derefs rooted at a
 * local or {@code self} ({@code self.a.state}, {@code *s}, {@code (*s).mode}).
 */
public final class StatePlace {

    private static final Pattern PLACE_TEXT =
            Pattern.compile("\\**(?:\\(\\**(?:self|[A-Za-z_]\\w*)(?:\\.[A-Za-z_]\\w*)*\\)|self|[A-Za-z_]\\w*)"
                    + "(?:\\.[A-Za-z_]\\w*)*");
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
