package io.loopscout.extract.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.treesitter.TSNode;

class SyntaxNodeTest {

    private static final String RUST = """
            fn step(mut state: u8, a: u32, b: u32) -> u8 {
                loop {
                    let sum = a + b;
                    let next = state + 1;
                    match state {
                        0 => state = 1,
                        _ => break,
                    }
                }
            }
            """;

    /** Every node under {@code n} in pre-order, read directly from tree-sitter (the slow path the copy avoids). */
    private static List<String> treeSitterPreOrder(TSNode n) {
        List<String> out = new ArrayList<>();
        out.add(n.getType() + "@" + n.getStartByte() + ".." + n.getEndByte());
        for (int i = 0; i < n.getChildCount(); i++) {
            out.addAll(treeSitterPreOrder(n.getChild(i)));
        }
        return out;
    }

    private static SyntaxNode fullCopy(ParsedSource p) {
        return SyntaxNode.copyOf(p.root(), new SourceText(p.bytes()));
    }

    @Test
    void fullCopyHoldsEveryNodeOfEitherGrammar() {
        // Rust then C: symbol ids overlap between grammars, so a shared id cache would give C nodes Rust names
        ParsedSource rust = ParsedSource.parse(ParsedSource.Grammar.RUST, RUST);
        ParsedSource c = ParsedSource.parse(ParsedSource.Grammar.C,
                "int f(int s) { for (;;) { switch (s) { case 0: s = 1; break; default: return s; } } }\n");
        for (ParsedSource p : List.of(rust, c)) {
            List<String> copied = fullCopy(p).descendants().stream().map(SyntaxNode::toString).toList();
            assertEquals(treeSitterPreOrder(p.root()), copied);
        }
    }

    @Test
    void prunedCopyKeepsStructureAndNodesMentioningTheWords() {
        ParsedSource p = ParsedSource.parse(ParsedSource.Grammar.RUST, RUST);
        SyntaxNode fn = fullCopy(p).namedChildren().get(0);
        SyntaxNode fullLoop = fn.child("body").statements().get(0).expression();
        assertTrue(fullLoop.is("loop_expression"));
        TSNode loop = p.root().getDescendantForByteRange(fullLoop.start, fullLoop.end);
        assertEquals("loop_expression", loop.getType());

        SyntaxNode pruned = SyntaxNode.copyOf(loop, new SourceText(p.bytes()), List.of("state"));
        List<SyntaxNode> stmts = pruned.child("body").statements();
        assertEquals(3, stmts.size());
        assertEquals("let sum = a + b;", stmts.get(0).text());
        assertTrue(stmts.get(0).children().isEmpty(), "no word in it: copied as a leaf");
        assertTrue(stmts.get(1).child("value").is("binary_expression"), "mentions state: copied in full");
        SyntaxNode match = stmts.get(2).expression();
        assertTrue(match.is("match_expression"));
        assertEquals(2, match.child("body").namedChildren().size(), "structure is copied whatever its text");
        assertEquals(5, match.startLine());
        assertEquals(8, match.endLine());
        assertEquals("matchstate{0=>state=1,_=>break,}", match.compact());

        assertTrue(fullLoop.descendants().size() > pruned.descendants().size());
        assertSame(fullLoop, fn.find(fullLoop.start, fullLoop.end, "loop_expression"));
        assertNull(fn.find(fullLoop.start, fullLoop.end, "while_expression"));
        assertSame(fn, fullLoop.parent.parent.parent, "loop < statement < block < fn");
    }

    /** Every node of a copy in pre-order with all it holds: depth, type, field, named, range. */
    private static List<String> render(SyntaxNode top) {
        List<String> out = new ArrayList<>();
        render(top, 0, out);
        return out;
    }

    private static void render(SyntaxNode n, int depth, List<String> out) {
        out.add(depth + " " + n.field + ":" + n + (n.named ? "" : " anonymous"));
        for (SyntaxNode c : n.children()) {
            render(c, depth + 1, out);
        }
    }

    @Test
    void dumpedCopyEqualsTheCursorCopyOnEveryFixture() throws IOException {
        Assumptions.assumeTrue(TreeDump.available(), "the tree dump needs the optimised libraries");
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/fixtures"))) {
            files = s.filter(f -> f.toString().endsWith(".rs") || f.toString().endsWith(".c")).sorted().toList();
        }
        assertTrue(files.size() > 20, "fixtures found: " + files.size());
        int subtrees = 0;
        for (Path f : files) {
            ParsedSource p = ParsedSource.parse(f.toString().endsWith(".rs") ? ParsedSource.Grammar.RUST
                    : ParsedSource.Grammar.C, Files.readString(f));
            SourceText source = new SourceText(p.bytes());
            // the root, and (for offsets inside a file) every top-level item
            List<TSNode> roots = new ArrayList<>(List.of(p.root()));
            for (int i = 0; i < p.root().getNamedChildCount(); i++) {
                roots.add(p.root().getNamedChild(i));
            }
            for (TSNode r : roots) {
                for (List<String> words : java.util.Arrays.asList(null, List.of("state", "break"))) {
                    List<String> byCursor = render(SyntaxNode.copyByCursor(r, SyntaxNode.top(r, source), source, words));
                    List<String> dumped = render(SyntaxNode.copyDumped(r, SyntaxNode.top(r, source), source, words));
                    assertEquals(byCursor, dumped, f + " at byte " + r.getStartByte() + ", words " + words);
                    subtrees++;
                }
            }
        }
        assertTrue(subtrees > 100, "subtrees compared: " + subtrees);
    }
}
