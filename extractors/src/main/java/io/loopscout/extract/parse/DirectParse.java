package io.loopscout.extract.parse;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treesitter.TSLanguage;
import org.treesitter.TSParser;
import org.treesitter.TSTree;

/**
 * Parses a whole UTF-8 source in one JNI call into the optimised libraries ({@code extractors/native/direct_parse.c}),
 * with a parser reused per thread and grammar: no reader or progress upcalls into Java, as native tree-sitter's
 * {@code ts_parser_parse_string}. Only the libraries the build made have that entry point; with the bundled ones
 * {@link #available} is false and {@link ParsedSource} parses through bonede's binding.
 */
final class DirectParse {

    private static final Logger LOG = LoggerFactory.getLogger(DirectParse.class);
    /** The version of direct_parse.c this class is written for. */
    private static final int VERSION = 2;
    private static final boolean AVAILABLE;
    private static final VarHandle PARSER_POINTER;
    private static final VarHandle TREE_POINTER;
    private static final MethodHandle NEW_TREE;

    /** One parser per thread and grammar: a parser is not thread-safe, and making one per file costs a few %. */
    private static final ThreadLocal<TSParser[]> PARSERS =
            ThreadLocal.withInitial(() -> new TSParser[ParsedSource.Grammar.values().length]);

    static {
        VarHandle pointer = null;
        VarHandle treePointer = null;
        MethodHandle newTree = null;
        boolean available = false;
        if (TreeSitterLibraries.loaded().kind() == TreeSitterLibraries.Kind.OPTIMISED) {
            try {
                // bonede keeps the parser's pointer private and TSTree's constructor package-private; the fields
                // are read, not changed, and the tree is registered with bonede's Cleaner as its own trees are.
                Field ptr = TSParser.class.getDeclaredField("ptr");
                pointer = MethodHandles.privateLookupIn(TSParser.class, MethodHandles.lookup()).unreflectVarHandle(ptr);
                treePointer = MethodHandles.privateLookupIn(TSTree.class, MethodHandles.lookup())
                        .unreflectVarHandle(TSTree.class.getDeclaredField("ptr"));
                Constructor<TSTree> c = TSTree.class.getDeclaredConstructor(long.class, TSLanguage.class);
                c.setAccessible(true);
                newTree = MethodHandles.lookup().unreflectConstructor(c);
                available = TreeSitterLibraries.entryPoint("direct_parse.c", VERSION, DirectParse::version,
                        "parsing through the binding's reader");
            } catch (ReflectiveOperationException | RuntimeException | UnsatisfiedLinkError e) {
                LOG.warn("tree-sitter: no direct parse entry point ({}); parsing through the binding's reader",
                        e.toString());
            }
        }
        PARSER_POINTER = pointer;
        TREE_POINTER = treePointer;
        NEW_TREE = newTree;
        AVAILABLE = available;
    }

    private DirectParse() {
    }

    /** Whether the loaded libraries have the direct entry point. */
    static boolean available() {
        return AVAILABLE;
    }

    /**
     * The tree of {@code utf8}, or null when the parse ran past {@code timeout}. Call only when {@link #available}.
     */
    static TSTree parse(ParsedSource.Grammar grammar, byte[] utf8, Duration timeout) {
        TSParser[] parsers = PARSERS.get();
        TSParser parser = parsers[grammar.ordinal()];
        if (parser == null) {
            parser = new TSParser();
            parser.setLanguage(grammar.language());
            parsers[grammar.ordinal()] = parser;
        }
        long tree = parse((long) PARSER_POINTER.get(parser), utf8, timeout.toNanos());
        // The parser must stay reachable until the native call returns: its Cleaner would free it.
        java.lang.ref.Reference.reachabilityFence(parser);
        if (tree == 0) {
            return null;
        }
        try {
            return (TSTree) NEW_TREE.invokeExact(tree, grammar.language());
        } catch (Throwable e) {
            throw new IllegalStateException("cannot wrap a tree-sitter tree", e);
        }
    }

    /**
     * Frees the nodes of {@code tree} now; its shell stays for bonede's Cleaner to delete. Nodes of the tree must not
     * be used afterwards. Call only when {@link #available}.
     */
    static void freeNodes(TSTree tree) {
        freeNodes((long) TREE_POINTER.get(tree));
        java.lang.ref.Reference.reachabilityFence(tree);
    }

    private static native int version();

    private static native void freeNodes(long tree);

    private static native long parse(long parser, byte[] source, long timeoutNanos);
}
