package io.loopscout.extract.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.treesitter.TSException;
import org.treesitter.TSNode;
import org.treesitter.TSTreeCursor;

/** {@link Nodes} answers exactly what the binding's public API answers, on every node of real fixture trees. */
class NodesTest {

    private static final List<String> RUST_FIELDS = List.of("body", "name", "type", "value", "left", "right",
            "pattern", "condition", "function", "arguments", "alternative", "consequence");
    private static final List<String> C_FIELDS = List.of("body", "declarator", "type", "value", "left", "right",
            "condition", "function", "arguments", "alternative", "consequence", "label");

    private static List<Path> fixtures(String dir, String ext) throws IOException {
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/fixtures", dir))) {
            return s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
        }
    }

    @Test
    void everyNodeOfTheRustAndCFixturesReadsAsThePublicApiSays() throws IOException {
        int nodes = 0;
        int errors = 0;
        for (Path file : fixtures("rust", ".rs")) {
            ParsedSource p = ParsedSource.parse(ParsedSource.Grammar.RUST, Files.readString(file));
            int[] counts = compareAll(p, RUST_FIELDS, file);
            nodes += counts[0];
            errors += counts[1];
        }
        for (Path file : fixtures("c", ".c")) {
            ParsedSource p = ParsedSource.parse(ParsedSource.Grammar.C, Files.readString(file));
            int[] counts = compareAll(p, C_FIELDS, file);
            nodes += counts[0];
            errors += counts[1];
        }
        assertTrue(nodes > 10_000, "the fixtures hold " + nodes + " nodes");
        // broken_syntax.rs and broken.c: ERROR nodes (a symbol beyond the grammar's table) were compared too
        assertTrue(errors > 0, "no ERROR node was compared");
    }

    /** Compares every node of the tree; returns {nodes, ERROR nodes}. */
    private static int[] compareAll(ParsedSource p, List<String> fields, Path file) {
        int nodes = 0;
        int errors = 0;
        TSTreeCursor cursor = new TSTreeCursor(p.root());
        while (true) {
            TSNode n = cursor.currentNode();
            String where = file.getFileName() + " " + n.getType() + "@" + n.getStartByte();
            compare(n, fields, where);
            if (n.isNamed()) {
                assertAncestorsAreTheParentChain(p.root(), n, where);
            }
            assertEquals(cursor.currentFieldName(), Nodes.fieldName(n, cursor.currentFieldId()), where);
            nodes++;
            errors += n.isError() ? 1 : 0;
            if (cursor.gotoFirstChild()) {
                continue;
            }
            while (!cursor.gotoNextSibling()) {
                if (!cursor.gotoParent()) {
                    return new int[] {nodes, errors};
                }
            }
        }
    }

    private static void compare(TSNode n, List<String> fields, String where) {
        assertEquals(n.isNull(), Nodes.isNull(n), where);
        assertEquals(n.getStartByte(), Nodes.start(n), where);
        assertEquals(n.getStartPoint().getRow(), Nodes.startRow(n), where);
        assertEquals(n.getEndByte(), Nodes.end(n), where);
        assertEquals(n.getSymbol(), Nodes.symbol(n), where);
        assertEquals(n.getType(), Nodes.type(n), where);
        assertEquals(n.isNamed(), Nodes.isNamed(n), where);
        assertEquals(n.hasError(), Nodes.hasError(n), where);
        assertSameNode(n.getParent(), Nodes.parent(n), where + " parent");
        assertSameNode(n.getPrevNamedSibling(), Nodes.prevNamedSibling(n), where + " previous named sibling");
        assertSameNode(n.getNextNamedSibling(), Nodes.nextNamedSibling(n), where + " next named sibling");
        assertSameNode(n.getFirstNamedChildForByte(n.getStartByte()),
                Nodes.firstNamedChildForByte(n, Nodes.start(n)), where + " first named child for its start");
        assertSameNode(n.getNamedDescendantForByteRange(n.getStartByte(), n.getEndByte()),
                Nodes.namedDescendantForByteRange(n, Nodes.start(n), Nodes.end(n)), where + " named descendant");
        assertEquals(n.getNamedChildCount(), Nodes.namedChildCount(n), where);
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            assertSameNode(n.getNamedChild(i), Nodes.namedChild(n, i), where + " named child " + i);
        }
        for (String f : fields) {
            assertSameNode(n.getChildByFieldName(f), Nodes.field(n, f), where + " field " + f);
        }
    }

    private static void assertAncestorsAreTheParentChain(TSNode root, TSNode n, String where) {
        List<TSNode> ancestors = Nodes.ancestors(root, n);
        int i = 0;
        for (TSNode p = n.getParent(); !p.isNull(); p = p.getParent()) {
            assertTrue(i < ancestors.size(), where + ": fewer ancestors than parents");
            assertSameNode(p, ancestors.get(i++), where + " ancestor " + i);
        }
        assertEquals(i, ancestors.size(), where + ": more ancestors than parents");
    }

    private static void assertSameNode(TSNode expected, TSNode actual, String where) {
        assertEquals(expected.isNull(), Nodes.isNull(actual), where);
        if (!expected.isNull()) {
            assertTrue(TSNode.eq(expected, actual), where);
            // the returned node keeps its tree: the binding's own methods work on it
            assertEquals(expected.getTree(), actual.getTree(), where);
        }
    }

    @Test
    void aNullNodeIsRefusedInJavaInsteadOfReachingTheNative() {
        ParsedSource p = ParsedSource.parse(ParsedSource.Grammar.RUST, "fn f() {}");
        TSNode none = Nodes.parent(p.root());
        assertTrue(Nodes.isNull(none));
        // the native would dereference the null id and crash the JVM
        assertThrows(TSException.class, () -> Nodes.end(none));
        assertThrows(TSException.class, () -> Nodes.start(none));
        assertThrows(TSException.class, () -> Nodes.parent(none));
        assertThrows(TSException.class, () -> Nodes.field(none, "body"));
    }

    @Test
    void anUnknownFieldNameIsAnError() {
        ParsedSource p = ParsedSource.parse(ParsedSource.Grammar.RUST, "fn f() {}");
        assertThrows(IllegalArgumentException.class, () -> Nodes.field(p.root(), "no_such_field"));
    }
}
