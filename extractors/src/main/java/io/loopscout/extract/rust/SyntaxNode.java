package io.loopscout.extract.rust;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.treesitter.TSNode;
import org.treesitter.TSTreeCursor;

/**
 * A Java-side copy of one tree-sitter subtree (type, field name, byte range, children). Candidate loops are
 * copied once with a tree cursor, so the analysis that follows walks plain Java objects instead of making
 * several JNI calls per node and per question.
 */
final class SyntaxNode {

    /** Grammar symbol → {type, "" when named else null}: one JNI int instead of a new String per node. */
    private static final Map<Integer, String[]> SYMBOLS = new ConcurrentHashMap<>();
    private static final Map<Integer, String> FIELDS = new ConcurrentHashMap<>();
    /** Node types copied in full whatever their text: the shape of bodies, arms and arm values. */
    private static final Set<String> STRUCTURE = Set.of("block", "expression_statement", "if_expression",
            "else_clause", "match_expression", "match_block", "match_arm", "match_pattern", "unsafe_block",
            "loop_expression", "while_expression", "for_expression", "label", "or_pattern", "tuple_pattern",
            "parenthesized_expression", "let_condition", "let_chain", "unary_expression", "tuple_expression",
            "scoped_identifier", "range_pattern", "macro_invocation", "arguments");

    final String type;
    final String field;
    final boolean named;
    final int start;
    final int end;
    final SyntaxNode parent;
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

    /** Copies the whole subtree under {@code root}. */
    static SyntaxNode copyOf(TSNode root, SourceText source) {
        return copyOf(root, source, List.of(""));
    }

    /**
     * Copies the subtree under {@code root}, iteratively (deeply nested code must not overflow the stack).
     * Copying costs several JNI calls per node, more than parsing, so it is pruned: the structure a dispatch
     * needs (blocks, ifs, matches, arms, statements, loops) is always copied; any other node is copied as a
     * leaf unless its text contains one of {@code words} (the state variable, exit keywords). Transitions and
     * exits all mention one of those words, so nothing they need is lost.
     */
    static SyntaxNode copyOf(TSNode root, SourceText source, List<String> words) {
        TSTreeCursor cursor = new TSTreeCursor(root);
        SyntaxNode top = new SyntaxNode(root.getType(), null, root.isNamed(), root.getStartByte(),
                root.getEndByte(), null, source);
        SyntaxNode current = top;
        if (!cursor.gotoFirstChild()) {
            return top;
        }
        while (true) {
            TSNode n = cursor.currentNode();
            int symbol = n.getSymbol();
            String type = SYMBOLS.computeIfAbsent(symbol, k -> new String[] {n.getType(), n.isNamed() ? "" : null})[0];
            boolean named = SYMBOLS.get(symbol)[1] != null;
            int field = cursor.currentFieldId();
            String fieldName = field == 0 ? null : FIELDS.computeIfAbsent(field, k -> cursor.currentFieldName());
            int start = n.getStartByte();
            int end = n.getEndByte();
            SyntaxNode copy = new SyntaxNode(type, fieldName, named, start, end, current, source);
            if (current.children.isEmpty()) {
                current.children = new ArrayList<>(4);
            }
            current.children.add(copy);
            if (named && (STRUCTURE.contains(type) || source.containsAny(start, end, words))
                    && cursor.gotoFirstChild()) {
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
    SyntaxNode find(int from, int to, String nodeType) {
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
    List<SyntaxNode> children() {
        return Collections.unmodifiableList(children);
    }

    /** Named children only. */
    List<SyntaxNode> namedChildren() {
        List<SyntaxNode> out = new ArrayList<>(children.size());
        for (SyntaxNode c : children) {
            if (c.named && !c.type.equals("line_comment") && !c.type.equals("block_comment")) {
                out.add(c);
            }
        }
        return out;
    }

    /** The first child with this field name, or null. */
    SyntaxNode child(String fieldName) {
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

    /** True when an anonymous child token with this text exists (operators such as {@code -} or {@code *}). */
    boolean hasToken(String token) {
        for (SyntaxNode c : children) {
            if (!c.named && c.type.equals(token)) {
                return true;
            }
        }
        return false;
    }

    boolean is(String t) {
        return type.equals(t);
    }

    /** The source text. */
    String text() {
        return source.text(start, end);
    }

    /** The source text without whitespace: the form in which places such as {@code self . state} compare. */
    String compact() {
        return source.compact(start, end);
    }

    /** 1-based line of the first byte. */
    int startLine() {
        return source.lineOf(start);
    }

    /** 1-based line of the last byte. */
    int endLine() {
        return source.lineOf(Math.max(start, end - 1));
    }

    boolean contains(SyntaxNode other) {
        return start <= other.start && other.end <= end;
    }

    /** Every node below this one (pre-order) that satisfies {@code test}; {@code prune} stops descent. */
    List<SyntaxNode> collect(Predicate<SyntaxNode> test, Predicate<SyntaxNode> prune) {
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
