package io.loopscout.extract.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treesitter.TSNode;

/**
 * A whole subtree in one JNI call into the optimised libraries ({@code extractors/native/tree_dump.c}): per node,
 * in preorder, its symbol, field id, start and end byte and the size of its subtree. A walk through the binding
 * crosses JNI about five times per node, which made copying a loop for the rewrite planner cost more than parsing
 * its file. Only the libraries the build made have the entry point; with the bundled ones {@link #available} is
 * false and {@link SyntaxNode} walks with a tree cursor.
 */
final class TreeDump {

    /** Ints per node. */
    static final int PER_NODE = 5;
    static final int SYMBOL = 0;
    static final int FIELD = 1;
    static final int START = 2;
    static final int END = 3;
    /** The number of nodes in the subtree, the node itself included. */
    static final int SIZE = 4;

    private static final Logger LOG = LoggerFactory.getLogger(TreeDump.class);
    /** The version of tree_dump.c this class is written for. */
    private static final int VERSION = 1;
    private static final boolean AVAILABLE;
    private static final VarHandle[] CONTEXT = new VarHandle[4];
    private static final VarHandle ID;
    private static final VarHandle TREE;

    static {
        boolean available = false;
        VarHandle id = null;
        VarHandle tree = null;
        if (!Boolean.getBoolean("loopscout.cursor-copies")
                && TreeSitterLibraries.loaded().kind() == TreeSitterLibraries.Kind.OPTIMISED) {
            try {
                MethodHandles.Lookup node = MethodHandles.privateLookupIn(TSNode.class, MethodHandles.lookup());
                for (int i = 0; i < 4; i++) {
                    CONTEXT[i] = node.findVarHandle(TSNode.class, "context" + i, int.class);
                }
                id = node.findVarHandle(TSNode.class, "idPtr", long.class);
                tree = node.findVarHandle(TSNode.class, "treePtr", long.class);
                available = TreeSitterLibraries.entryPoint("tree_dump.c", VERSION, TreeDump::version,
                        "copying trees through the binding");
            } catch (ReflectiveOperationException | RuntimeException | UnsatisfiedLinkError e) {
                LOG.warn("tree-sitter: no tree dump entry point ({}); copying trees through the binding",
                        e.toString());
            }
        }
        ID = id;
        TREE = tree;
        AVAILABLE = available;
    }

    private TreeDump() {
    }

    /** Whether the loaded libraries have the entry point. */
    static boolean available() {
        return AVAILABLE;
    }

    /** The subtree under {@code node}, {@link #PER_NODE} ints a node in preorder. Call only when available. */
    static int[] of(TSNode node) {
        int[] out = dump((int) CONTEXT[0].get(node), (int) CONTEXT[1].get(node), (int) CONTEXT[2].get(node),
                (int) CONTEXT[3].get(node), (long) ID.get(node), (long) TREE.get(node));
        // The tree must stay reachable until the native call returns: its Cleaner would free it.
        java.lang.ref.Reference.reachabilityFence(node);
        if (out == null) {
            throw new OutOfMemoryError("tree-sitter subtree dump");
        }
        return out;
    }

    private static native int version();

    private static native int[] dump(int c0, int c1, int c2, int c3, long id, long tree);
}
