package io.loopscout.extract.parse;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.treesitter.TSException;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSSymbolType;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;

/**
 * Node facts at one JNI crossing or none, for the hot paths of the extractors. The binding's public
 * {@link TSNode} methods cross JNI twice (a null check, then the call), and each crossing rebuilds the C node
 * from six Java fields looked up by name; a node's start byte and row are those fields already. So this reads
 * them in Java, checks null as tree-sitter does ({@code id == 0}), calls the binding's natives directly and
 * names symbols from a per-grammar table. {@code NodesTest} checks every answer against the public API.
 */
public final class Nodes {

    private static final VarHandle START_BYTE;
    private static final VarHandle START_ROW;
    private static final VarHandle ID;
    private static final VarHandle TREE;
    private static final MethodHandle SYMBOL;
    private static final MethodHandle END_BYTE;
    private static final MethodHandle PARENT;
    private static final MethodHandle NAMED_CHILD;
    private static final MethodHandle NAMED_CHILD_COUNT;
    private static final MethodHandle CHILD_BY_FIELD_ID;
    private static final MethodHandle PREV_NAMED_SIBLING;
    private static final MethodHandle NEXT_NAMED_SIBLING;
    private static final MethodHandle FIRST_NAMED_CHILD_FOR_BYTE;
    private static final MethodHandle NAMED_DESCENDANT_FOR_BYTE_RANGE;
    private static final MethodHandle HAS_ERROR;

    static {
        try {
            MethodHandles.Lookup node = MethodHandles.privateLookupIn(TSNode.class, MethodHandles.lookup());
            START_BYTE = node.findVarHandle(TSNode.class, "context0", int.class);
            START_ROW = node.findVarHandle(TSNode.class, "context1", int.class);
            ID = node.findVarHandle(TSNode.class, "idPtr", long.class);
            TREE = node.findVarHandle(TSNode.class, "tree", TSTree.class);
            MethodHandles.Lookup natives = MethodHandles.privateLookupIn(TSParser.class, MethodHandles.lookup());
            SYMBOL = natives.findStatic(TSParser.class, "ts_node_symbol", MethodType.methodType(int.class,
                    TSNode.class));
            END_BYTE = natives.findStatic(TSParser.class, "ts_node_end_byte", MethodType.methodType(int.class,
                    TSNode.class));
            PARENT = nodeToNode(natives, "ts_node_parent");
            NAMED_CHILD = natives.findStatic(TSParser.class, "ts_node_named_child", MethodType.methodType(
                    TSNode.class, TSNode.class, int.class));
            NAMED_CHILD_COUNT = natives.findStatic(TSParser.class, "ts_node_named_child_count",
                    MethodType.methodType(int.class, TSNode.class));
            CHILD_BY_FIELD_ID = natives.findStatic(TSParser.class, "ts_node_child_by_field_id",
                    MethodType.methodType(TSNode.class, TSNode.class, int.class));
            PREV_NAMED_SIBLING = nodeToNode(natives, "ts_node_prev_named_sibling");
            NEXT_NAMED_SIBLING = nodeToNode(natives, "ts_node_next_named_sibling");
            FIRST_NAMED_CHILD_FOR_BYTE = natives.findStatic(TSParser.class, "ts_node_first_named_child_for_byte",
                    MethodType.methodType(TSNode.class, TSNode.class, int.class));
            NAMED_DESCENDANT_FOR_BYTE_RANGE = natives.findStatic(TSParser.class,
                    "ts_node_named_descendant_for_byte_range", MethodType.methodType(TSNode.class, TSNode.class,
                            int.class, int.class));
            HAS_ERROR = natives.findStatic(TSParser.class, "ts_node_has_error", MethodType.methodType(
                    boolean.class, TSNode.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Only a changed binding gets here (its version is pinned in the parent pom): say so plainly.
            throw new ExceptionInInitializerError(new IllegalStateException(
                    "io.github.bonede:tree-sitter no longer has the fields or natives Nodes reads: " + e, e));
        }
    }

    private static MethodHandle nodeToNode(MethodHandles.Lookup natives, String name)
            throws ReflectiveOperationException {
        return natives.findStatic(TSParser.class, name, MethodType.methodType(TSNode.class, TSNode.class));
    }

    /** Per grammar: symbol and field names, read once from the language. */
    private static final Map<Class<?>, Names> NAMES = new ConcurrentHashMap<>();

    private record Names(TSLanguage language, String[] symbols, boolean[] named, Map<String, Integer> fieldIds,
            String[] fields) {
        /** ERROR (65535) and the error-repeat symbol stand beyond the grammar's own: asked for each time. */
        String symbol(int id) {
            return id < symbols.length ? symbols[id] : language.symbolName(id);
        }

        boolean named(int id) {
            return id < named.length ? named[id] : language.symbolType(id) == TSSymbolType.TSSymbolTypeRegular;
        }

        static Names of(TSLanguage language) {
            // ids are only unique within one grammar; the language's class names the grammar
            return NAMES.computeIfAbsent(language.getClass(), k -> {
                int n = language.symbolCount();
                String[] symbols = new String[n];
                boolean[] named = new boolean[n];
                for (int i = 0; i < n; i++) {
                    symbols[i] = language.symbolName(i);
                    named[i] = language.symbolType(i) == TSSymbolType.TSSymbolTypeRegular;
                }
                String[] fields = new String[language.fieldCount() + 1];
                Map<String, Integer> ids = new HashMap<>();
                for (int i = 1; i < fields.length; i++) {
                    fields[i] = language.fieldNameForId(i);
                    ids.put(fields[i], i);
                }
                return new Names(language, symbols, named, Map.copyOf(ids), fields);
            });
        }
    }

    private Nodes() {
    }

    /** True for the null node (what the binding returns for "no such node"). */
    public static boolean isNull(TSNode n) {
        return (long) ID.get(n) == 0;
    }

    /** The first byte (UTF-8 offset). */
    public static int start(TSNode n) {
        requireNode(n);
        return (int) START_BYTE.get(n);
    }

    /** The 0-based row of the first byte. */
    public static int startRow(TSNode n) {
        requireNode(n);
        return (int) START_ROW.get(n);
    }

    /** The byte after the last one. */
    public static int end(TSNode n) {
        requireNode(n);
        try {
            return (int) END_BYTE.invokeExact(n);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The grammar symbol (aliases applied), as {@link TSNode#getSymbol()}. */
    public static int symbol(TSNode n) {
        requireNode(n);
        try {
            return (int) SYMBOL.invokeExact(n);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The node type, as {@link TSNode#getType()}, named from the grammar's table instead of a JNI string. */
    public static String type(TSNode n) {
        return names(n).symbol(symbol(n));
    }

    /** True for a named node (not an anonymous token), as {@link TSNode#isNamed()}. */
    public static boolean isNamed(TSNode n) {
        return names(n).named(symbol(n));
    }

    /** The name of a symbol of the node's grammar. */
    public static String symbolName(TSNode n, int symbol) {
        return names(n).symbol(symbol);
    }

    /** True when a symbol of the node's grammar is named. */
    public static boolean isNamedSymbol(TSNode n, int symbol) {
        return names(n).named(symbol);
    }

    /** The name of a field id of the node's grammar ({@code null} for 0, no field). */
    public static String fieldName(TSNode n, int fieldId) {
        return names(n).fields[fieldId];
    }

    /** The id of a field of the node's grammar; 0 (no field) for an unknown name. */
    public static int fieldId(TSNode n, String field) {
        return names(n).fieldIds.getOrDefault(field, 0);
    }

    /** The child in a field, by name ({@link TSNode#getChildByFieldName}), at one JNI crossing. */
    public static TSNode field(TSNode n, String field) {
        int id = fieldId(n, field);
        if (id == 0) {
            throw new IllegalArgumentException("no field " + field + " in the grammar of " + n);
        }
        return childByField(n, id);
    }

    private static Names names(TSNode n) {
        return Names.of(((TSTree) TREE.get(n)).getLanguage());
    }

    /** True when the subtree holds an ERROR or MISSING node. */
    public static boolean hasError(TSNode n) {
        requireNode(n);
        try {
            return (boolean) HAS_ERROR.invokeExact(n);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    public static TSNode parent(TSNode n) {
        requireNode(n);
        try {
            return withTree((TSNode) PARENT.invokeExact(n), n);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    public static int namedChildCount(TSNode n) {
        requireNode(n);
        try {
            return (int) NAMED_CHILD_COUNT.invokeExact(n);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    public static TSNode namedChild(TSNode n, int i) {
        requireNode(n);
        try {
            return withTree((TSNode) NAMED_CHILD.invokeExact(n, i), n);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The child with a field id ({@link #fieldId}). */
    private static TSNode childByField(TSNode n, int fieldId) {
        requireNode(n);
        try {
            return withTree((TSNode) CHILD_BY_FIELD_ID.invokeExact(n, fieldId), n);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    public static TSNode prevNamedSibling(TSNode n) {
        requireNode(n);
        try {
            return withTree((TSNode) PREV_NAMED_SIBLING.invokeExact(n), n);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }
    public static TSNode nextNamedSibling(TSNode n) {
        requireNode(n);
        try {
            return withTree((TSNode) NEXT_NAMED_SIBLING.invokeExact(n), n);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The first named child that ends after byte {@code offset}. */
    public static TSNode firstNamedChildForByte(TSNode n, int offset) {
        requireNode(n);
        try {
            return withTree((TSNode) FIRST_NAMED_CHILD_FOR_BYTE.invokeExact(n, offset), n);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /**
     * The smallest named node spanning {@code [from, to)} under {@code n}: for a keyword token, the node it
     * begins, at the cost of one descent from {@code n} ({@link #parent} descends from the root again).
     */
    public static TSNode namedDescendantForByteRange(TSNode n, int from, int to) {
        requireNode(n);
        try {
            return withTree((TSNode) NAMED_DESCENDANT_FOR_BYTE_RANGE.invokeExact(n, from, to), n);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /**
     * The ancestors of {@code node} under {@code root}, innermost first ({@code root} last, {@code node} not
     * included), by one cursor descent from the root: walking {@link #parent} up costs a descent per step,
     * since tree-sitter finds a parent by descending from the root.
     */
    public static List<TSNode> ancestors(TSNode root, TSNode node) {
        long target = (long) ID.get(node);
        int at = start(node);
        List<TSNode> out = new ArrayList<>();
        TSTreeCursor cursor = new TSTreeCursor(root);
        TSNode current = root;
        while ((long) ID.get(current) != target) {
            out.add(current);
            if (cursor.gotoFirstChildForByte(at) < 0) {
                throw new IllegalArgumentException(node + " is not under " + root);
            }
            current = cursor.currentNode();
        }
        Collections.reverse(out);
        return out;
    }

    /** A null node must not reach a native (it would dereference null): the binding's own check, in Java. */
    private static void requireNode(TSNode n) {
        if ((long) ID.get(n) == 0) {
            throw new TSException("Node is a null node");
        }
    }

    /** A node from a native call keeps its tree alive, as the binding's own methods make it do. */
    private static TSNode withTree(TSNode result, TSNode from) {
        TREE.set(result, (TSTree) TREE.get(from));
        return result;
    }

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(e);
    }
}
