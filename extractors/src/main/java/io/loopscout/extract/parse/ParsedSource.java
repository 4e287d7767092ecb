package io.loopscout.extract.parse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;
import org.treesitter.TreeSitterC;
import org.treesitter.TreeSitterRust;

/**
 * A source text parsed by tree-sitter, with the helpers every extractor needs: node text, 1-based lines,
 * error counts. Offsets are UTF-8 byte offsets, as tree-sitter reports them.
 *
 * <p>The tree lives in native memory (~30 bytes per source byte), freed by bonede's Cleaner once the garbage
 * collector finds it unreachable, which native memory alone never prompts; {@link #close} frees it at once.
 */
public final class ParsedSource implements AutoCloseable {

    /** The grammar to parse with. */
    public enum Grammar {
        RUST, C;

        private TSLanguage language;

        /** The tree-sitter language (created once; languages are immutable and shareable). */
        public synchronized TSLanguage language() {
            if (language == null) {
                TreeSitterLibraries.loaded(); // warns once when the slow bundled libraries are the ones in use
                language = this == RUST ? new TreeSitterRust() : new TreeSitterC();
            }
            return language;
        }
    }

    private final byte[] bytes;
    private final TSTree tree;
    private final Grammar grammar;
    private boolean closed;

    private ParsedSource(byte[] bytes, TSTree tree, Grammar grammar) {
        this.bytes = bytes;
        this.tree = tree;
        this.grammar = grammar;
    }

    /**
     * Parses {@code text}; gives up after {@code timeout} (deeply nested or pathological input).
     *
     * @throws ParseTimeoutException when the parse took longer than the timeout
     */
    public static ParsedSource parse(Grammar grammar, String text, Duration timeout) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // The parser reads a masked copy where tree-sitter-rust misreads valid Rust; offsets are the same.
        byte[] parsed = grammar == Grammar.RUST ? RawNamedBorrows.mask(CastComparisons.mask(bytes)) : bytes;
        TSTree tree = DirectParse.available() ? DirectParse.parse(grammar, parsed, timeout)
                : parseThroughReader(grammar, parsed, timeout);
        if (tree == null) {
            throw new ParseTimeoutException("parse did not finish within " + timeout.toMillis() + " ms");
        }
        return new ParsedSource(bytes, tree, grammar);
    }

    /** Through bonede's binding, which calls back into Java for input and progress (the bundled libraries). */
    private static TSTree parseThroughReader(Grammar grammar, byte[] parsed, Duration timeout) {
        // The language first: it chooses where the libraries load from (TreeSitterLibraries); a parser made
        // before it loads the core from bonede's shared ~/.tree-sitter/lib, which any other JVM may replace.
        TSLanguage language = grammar.language();
        TSParser parser = new TSParser();
        parser.setLanguage(language);
        long deadline = System.nanoTime() + timeout.toNanos();
        // A copying reader: tree-sitter's JNI crashes on a null reader (see README, developers).
        return parser.parseWithOptions(new byte[64 * 1024], null, (buf, offset, point) -> {
            if (offset >= parsed.length) {
                return 0;
            }
            int n = Math.min(buf.length, parsed.length - offset);
            System.arraycopy(parsed, offset, buf, 0, n);
            return n;
        }, TSInputEncoding.TSInputEncodingUTF8, state -> System.nanoTime() > deadline);
    }

    /** Parses with the default per-file limit of 10 seconds. */
    public static ParsedSource parse(Grammar grammar, String text) {
        return parse(grammar, text, Duration.ofSeconds(10));
    }

    /** The grammar this was parsed with. */
    public Grammar grammar() {
        return grammar;
    }

    /** The root node. */
    public TSNode root() {
        if (closed) {
            throw new IllegalStateException("the tree of this ParsedSource was freed by close()");
        }
        return tree.getRootNode();
    }

    /**
     * Frees the tree's nodes now instead of after a garbage collection (with the optimised libraries; with the
     * bundled ones the Cleaner still frees them). No node taken from this tree may be used afterwards: it would read
     * freed memory. Text and bytes stay readable.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (DirectParse.available()) {
                DirectParse.freeNodes(tree);
            }
        }
    }

    /** The UTF-8 bytes of the source. */
    public byte[] bytes() {
        return bytes;
    }

    /** The source text of a node. */
    public String text(TSNode node) {
        int start = Nodes.start(node);
        return new String(bytes, start, Nodes.end(node) - start, StandardCharsets.UTF_8);
    }

    /** The 1-based line a node starts on. */
    public static int startLine(TSNode node) {
        return Nodes.startRow(node) + 1;
    }

    /** The 1-based line a node ends on (inclusive). */
    public static int endLine(TSNode node) {
        return node.getEndPoint().getRow() + 1;
    }

    /**
     * The number of ERROR and MISSING nodes under {@code node}: how damaged the tree is there. Descends only into
     * subtrees that contain an error, so a large tree with a few errors costs a few JNI calls per damaged path
     * (a whole-tree query took half a parse's time on the SQLite amalgamation).
     */
    public int errorCount(TSNode node) {
        if (!Nodes.hasError(node)) {
            return 0;
        }
        // A cursor walk that enters only subtrees flagged hasError: a query over the whole tree visits every
        // node and cost up to half a parse on damaged files (measured on quick-xml's escape.rs).
        int count = 0;
        TSTreeCursor cursor = new TSTreeCursor(node);
        boolean descend = true;
        while (true) {
            TSNode n = cursor.currentNode();
            if (descend && (n.isError() || n.isMissing())) {
                count++;
            }
            if (descend && Nodes.hasError(n) && cursor.gotoFirstChild()) {
                continue;
            }
            if (cursor.gotoNextSibling()) {
                descend = true;
                continue;
            }
            if (!cursor.gotoParent()) {
                return count;
            }
            descend = false;
        }
    }

    /** The error count by a whole-tree query; the reference {@link #errorCount} is checked against. */
    int errorCountByQuery(TSNode node) {
        int count = 0;
        java.util.ArrayDeque<TSNode> work = new java.util.ArrayDeque<>();
        work.push(node);
        while (!work.isEmpty()) {
            TSNode n = work.pop();
            if (n.isError() || n.isMissing()) {
                count++;
            }
            int children = n.getChildCount();
            for (int i = 0; i < children; i++) {
                // Two JNI calls per child; a MISSING node has an error too and is counted when popped.
                TSNode c = n.getChild(i);
                if (c.hasError()) {
                    work.push(c);
                }
            }
        }
        return count;
    }
}
