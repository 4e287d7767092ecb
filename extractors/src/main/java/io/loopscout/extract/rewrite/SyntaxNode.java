package io.loopscout.extract.rewrite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.treesitter.TSNode;
import org.treesitter.TSTreeCursor;

/**
 * A Java-side copy of a tree-sitter subtree: type, field name, byte range and children. The rewriter walks a
 * loop many times; copying it once with a cursor avoids a JNI call per step.
 */
final class SyntaxNode {

    final String type;
    final String field;
    final int start;
    final int end;
    final boolean named;
    final int startRow;
    final SyntaxNode parent;
    private final List<SyntaxNode> children = new ArrayList<>();

    private SyntaxNode(String type, String field, int start, int end, boolean named, int startRow,
            SyntaxNode parent) {
        this.type = type;
        this.field = field;
        this.start = start;
        this.end = end;
        this.named = named;
        this.startRow = startRow;
        this.parent = parent;
    }

    /** Copies the subtree rooted at {@code node} (its parent is left null); iterative, so depth is no limit. */
    static SyntaxNode copyOf(TSNode node) {
        TSTreeCursor cursor = new TSTreeCursor(node);
        SyntaxNode root = new SyntaxNode(node.getType(), null, node.getStartByte(), node.getEndByte(),
                node.isNamed(), node.getStartPoint().getRow(), null);
        SyntaxNode current = root;
        if (!cursor.gotoFirstChild()) {
            return root;
        }
        while (true) {
            TSNode n = cursor.currentNode();
            SyntaxNode child = new SyntaxNode(n.getType(), cursor.currentFieldName(), n.getStartByte(),
                    n.getEndByte(), n.isNamed(), n.getStartPoint().getRow(), current);
            current.children.add(child);
            if (cursor.gotoFirstChild()) {
                current = child;
                continue;
            }
            while (!cursor.gotoNextSibling()) {
                if (current == root || !cursor.gotoParent()) {
                    return root;
                }
                current = current.parent;
            }
        }
    }

    List<SyntaxNode> children() {
        return Collections.unmodifiableList(children);
    }

    /** The first child carrying {@code fieldName}, or null. */
    SyntaxNode field(String fieldName) {
        for (SyntaxNode c : children) {
            if (fieldName.equals(c.field)) {
                return c;
            }
        }
        return null;
    }

    /** The first child of this type, or null. */
    SyntaxNode childOfType(String childType) {
        for (SyntaxNode c : children) {
            if (c.type.equals(childType)) {
                return c;
            }
        }
        return null;
    }

    /** Named children that are code: comments left out. */
    List<SyntaxNode> codeChildren() {
        List<SyntaxNode> out = new ArrayList<>();
        for (SyntaxNode c : children) {
            if (c.named && !isComment(c.type)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The statements of a block: code children without attributes and empty statements. */
    List<SyntaxNode> statements() {
        List<SyntaxNode> out = new ArrayList<>();
        for (SyntaxNode c : codeChildren()) {
            if (!c.type.equals("empty_statement") && !c.type.equals("label")) {
                out.add(c);
            }
        }
        return out;
    }

    /** The single named child of an expression statement, or this node for anything else. */
    SyntaxNode expression() {
        if (type.equals("expression_statement")) {
            List<SyntaxNode> c = codeChildren();
            return c.isEmpty() ? this : c.get(0);
        }
        return this;
    }

    boolean is(String... types) {
        for (String t : types) {
            if (type.equals(t)) {
                return true;
            }
        }
        return false;
    }

    /** Every node of this subtree, this one first, in source order. */
    List<SyntaxNode> descendants() {
        List<SyntaxNode> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(SyntaxNode n, List<SyntaxNode> out) {
        out.add(n);
        for (SyntaxNode c : n.children) {
            collect(c, out);
        }
    }

    static boolean isComment(String type) {
        return type.equals("line_comment") || type.equals("block_comment");
    }

    @Override
    public String toString() {
        return type + "[" + start + "," + end + ")";
    }
}
