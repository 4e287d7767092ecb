package io.loopscout.extract.parse;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.treesitter.TSQuery;

/**
 * Compiled tree-sitter queries, cached by grammar and text: compiling is costly, matching is cheap.
 * Predicates such as {@code #eq?} are not evaluated by the binding; filter in Java.
 */
public final class Queries {

    private static final Map<String, TSQuery> CACHE = new ConcurrentHashMap<>();

    private Queries() {
    }

    /** The compiled query for {@code source} in {@code grammar}. */
    public static TSQuery get(ParsedSource.Grammar grammar, String source) {
        return CACHE.computeIfAbsent(grammar + "\u0000" + source, k -> new TSQuery(grammar.language(), source));
    }
}
