package io.loopscout.extract.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.treesitter.TSNode;
import org.treesitter.TSTreeCursor;

/**
 * A Java-side copy of one tree-sitter subtree (type, field name, byte range, children) over its file's
 * {@link SourceText}. A subtree is copied once with a tree cursor, so the analyses and rewrites that follow walk
 * plain Java objects instead of making several JNI calls per node and per question.
 */
public final class SyntaxNode {

    /** Node types copied in full by a pruned copy whatever their text: the shape of bodies, arms and values. */
    private static final Set<String> STRUCTURE = Set.of("block", "expression_statement", "if_expression",
            "else_clause", "match_expression", "match_block", "match_arm", "match_pattern", "unsafe_block",
            "loop_expression", "while_expression", "for_expression", "label", "or_pattern", "tuple_pattern",
            "parenthesized_expression", "let_condition", "let_chain", "unary_expression", "tuple_expression",
            "scoped_identifier", "range_pattern", "macro_invocation", "arguments",
            // c2rust's values are casts (`1 as ::core::ffi::c_uint`, `s_dead as c_int as state`)
            "type_cast_expression");

    public final String type;
    /** The field name this node has in its parent, or null. */
    public final String field;
    public final boolean named;
    public final int start;
    public final int end;
    /** The parent within the copy; null for the copied root. */
    public final SyntaxNode parent;
    private List<SyntaxNode> children = List.of();
    private final SourceText source;

    private SyntaxNode(String type, String field, boolean named, int start, int end, SyntaxNode parent,
            SourceText source) {
        this.type = type;
        this.field = field;
        this.named = named;
        this.start = start;
        this.end = end;
        this.parent = parent;
        this.source = source;
    }

    /** Copies the whole subtree under {@code root}: every node, as a rewrite that reprints any part needs. */
    public static SyntaxNode copyOf(TSNode root, SourceText source) {
        return copy(root, source, null);
    }

    /**
     * Copies the subtree under {@code root}, pruned. Copying costs several JNI calls per node, more than
     * parsing, so the structure a dispatch needs (blocks, ifs, matches, arms, statements, loops) is always
     * copied; any other node is copied as a leaf unless its text contains one of {@code words} (the state
     * variable, exit keywords). Transitions and exits all mention one of those words, so nothing they need is
     * lost.
     */
    public static SyntaxNode copyOf(TSNode root, SourceText source, List<String> words) {
        return copy(root, source, Objects.requireNonNull(words, "words"));
    }

    /** Iterative (deeply nested code must not overflow the stack); {@code words} null copies everything. */
    private static SyntaxNode copy(TSNode root, SourceText source, List<String> words) {
        SyntaxNode top = top(root, source);
        return TreeDump.available() ? copyDumped(root, top, source, words) : copyByCursor(root, top, source, words);
    }

    /** The copied root, without children yet. */
    static SyntaxNode top(TSNode root, SourceText source) {
        return new SyntaxNode(Nodes.type(root), null, Nodes.isNamed(root), Nodes.start(root), Nodes.end(root), null,
                source);
    }

    /**
     * The copy from one {@link TreeDump} of the subtree: the same nodes as {@link #copyByCursor} (a skipped
     * subtree is stepped over by its size), at one JNI call instead of about five per node.
     */
    static SyntaxNode copyDumped(TSNode root, SyntaxNode top, SourceText source, List<String> words) {
        int[] d = TreeDump.of(root);
        int nodes = d.length / TreeDump.PER_NODE;
        // ends[k]: the node index where the k-th open ancestor's subtree ends
        int[] ends = new int[16];
        SyntaxNode[] open = new SyntaxNode[16];
        int depth = 0;
        ends[0] = nodes;
        open[0] = top;
        int i = 1;
        while (i < nodes) {
            while (i >= ends[depth]) {
                depth--;
            }
            int at = i * TreeDump.PER_NODE;
            int symbol = d[at + TreeDump.SYMBOL];
            String type = Nodes.symbolName(root, symbol);
            boolean named = Nodes.isNamedSymbol(root, symbol);
            int start = d[at + TreeDump.START];
            int end = d[at + TreeDump.END];
            int size = d[at + TreeDump.SIZE];
            SyntaxNode current = open[depth];
            SyntaxNode copy = new SyntaxNode(type, Nodes.fieldName(root, d[at + TreeDump.FIELD]), named, start, end,
                    current, source);
            if (current.children.isEmpty()) {
                current.children = new ArrayList<>(4);
            }
            current.children.add(copy);
            boolean descend = words == null
                    || named && (STRUCTURE.contains(type) || source.containsAny(start, end, words));
            if (descend && size > 1) {
                if (++depth == ends.length) {
                    ends = java.util.Arrays.copyOf(ends, 2 * depth);
                    open = java.util.Arrays.copyOf(open, 2 * depth);
                }
                ends[depth] = i + size;
                open[depth] = copy;
                i++;
            } else {
                i += size;
            }
        }
        return top;
    }

    /** The copy by a walk of the binding's tree cursor (libraries without {@link TreeDump}). */
    static SyntaxNode copyByCursor(TSNode root, SyntaxNode top, SourceText source, List<String> words) {
        TSTreeCursor cursor = new TSTreeCursor(root);
        SyntaxNode current = top;
        if (!cursor.gotoFirstChild()) {
            return top;
        }
        while (true) {
            TSNode n = cursor.currentNode();
            int symbol = Nodes.symbol(n);
            String type = Nodes.symbolName(n, symbol);
            boolean named = Nodes.isNamedSymbol(n, symbol);
            String fieldName = Nodes.fieldName(n, cursor.currentFieldId());
            int start = Nodes.start(n);
            int end = Nodes.end(n);
            SyntaxNode copy = new SyntaxNode(type, fieldName, named, start, end, current, source);
            if (current.children.isEmpty()) {
                current.children = new ArrayList<>(4);
            }
            current.children.add(copy);
            boolean descend = words == null
                    || named && (STRUCTURE.contains(type) || source.containsAny(start, end, words));
            if (descend && cursor.gotoFirstChild()) {
                current = copy;
                continue;
            }
            while (!cursor.gotoNextSibling()) {
                if (current == top || !cursor.gotoParent()) {
                    return top;
                }
                current = current.parent;
            }
        }
    }

    /** The descendant (or this) with exactly this range and type, or null. */
    public SyntaxNode find(int from, int to, String nodeType) {
        SyntaxNode n = this;
        while (n != null) {
            if (n.start == from && n.end == to && n.type.equals(nodeType)) {
                return n;
            }
            SyntaxNode next = null;
            for (SyntaxNode c : n.children) {
                if (c.start <= from && to <= c.end) {
                    next = c;
                    break;
                }
            }
            n = next;
        }
        return null;
    }

    /** All children, named and anonymous. */
    public List<SyntaxNode> children() {
        return Collections.unmodifiableList(children);
    }

    /** Named children that are code: comments left out. */
    public List<SyntaxNode> namedChildren() {
        List<SyntaxNode> out = new ArrayList<>(children.size());
        for (SyntaxNode c : children) {
            if (c.named && !isComment(c.type)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The statements of a block: code children without empty statements and the block's label. */
    public List<SyntaxNode> statements() {
        List<SyntaxNode> out = new ArrayList<>();
        for (SyntaxNode c : namedChildren()) {
            if (!c.type.equals("empty_statement") && !c.type.equals("label")) {
                out.add(c);
            }
        }
        return out;
    }

    /** The single named child of an expression statement, or this node for anything else. */
    public SyntaxNode expression() {
        if (type.equals("expression_statement")) {
            List<SyntaxNode> c = namedChildren();
            return c.isEmpty() ? this : c.get(0);
        }
        return this;
    }

    /** The first child with this field name, or null. */
    public SyntaxNode child(String fieldName) {
        for (SyntaxNode c : children) {
            if (fieldName.equals(c.field)) {
                return c;
            }
        }
        return null;
    }

    /** The first child of this type, or null. */
    public SyntaxNode childOfType(String childType) {
        for (SyntaxNode c : children) {
            if (c.type.equals(childType)) {
                return c;
            }
        }
        return null;
    }

    /** True when an anonymous child token with this text exists (operators such as {@code -} or {@code *}). */
    public boolean hasToken(String token) {
        for (SyntaxNode c : children) {
            if (!c.named && c.type.equals(token)) {
                return true;
            }
        }
        return false;
    }

    public boolean is(String t) {
        return type.equals(t);
    }

    /** True when the type is one of {@code types} (the one-type overload stays: it is on hot paths). */
    public boolean is(String... types) {
        for (String t : types) {
            if (type.equals(t)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isComment(String type) {
        return type.equals("line_comment") || type.equals("block_comment");
    }

    /** The source text. */
    public String text() {
        return source.text(start, end);
    }

    /** The source text without whitespace: the form in which places such as {@code self . state} compare. */
    public String compact() {
        return source.compact(start, end);
    }

    /** The source text on one line with its tokens kept apart (see {@link SourceText#oneLine}): for display. */
    public String oneLine() {
        return source.oneLine(start, end);
    }

    /** 1-based line of the first byte. */
    public int startLine() {
        return source.lineOf(start);
    }

    /** 1-based line of the last byte. */
    public int endLine() {
        return source.lineOf(Math.max(start, end - 1));
    }

    public boolean contains(SyntaxNode other) {
        return start <= other.start && other.end <= end;
    }

    /** Every node of this subtree, this one first, in source order (pre-order). */
    public List<SyntaxNode> descendants() {
        List<SyntaxNode> out = new ArrayList<>();
        out.add(this);
        out.addAll(collect(n -> true, n -> false));
        return out;
    }

    /** Every node below this one (pre-order) that satisfies {@code test}; {@code prune} stops descent. */
    public List<SyntaxNode> collect(Predicate<SyntaxNode> test, Predicate<SyntaxNode> prune) {
        List<SyntaxNode> out = new ArrayList<>();
        ArrayList<SyntaxNode> stack = new ArrayList<>();
        for (int i = children.size() - 1; i >= 0; i--) {
            stack.add(children.get(i));
        }
        while (!stack.isEmpty()) {
            SyntaxNode n = stack.remove(stack.size() - 1);
            if (test.test(n)) {
                out.add(n);
            }
            if (prune.test(n)) {
                continue;
            }
            for (int i = n.children.size() - 1; i >= 0; i--) {
                stack.add(n.children.get(i));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return type + "@" + start + ".." + end;
    }
}
