package io.loopscout.extract.rewrite;

import io.loopscout.extract.Finding;
import io.loopscout.extract.parse.ParseTimeoutException;
import io.loopscout.extract.parse.ParsedSource;
import io.loopscout.extract.parse.SourceText;
import io.loopscout.extract.parse.SyntaxNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.treesitter.TSNode;

/**
 * One loop in one version of its file, as every planning step sees it. The version's tree is the one the loop was
 * found in (the extractor's parse, or the re-parse after a normalisation): planning steps that need more of the
 * file than the loop (its macro definitions) read it there instead of parsing the file again.
 *
 * @param file    the file's version, parsed
 * @param loop    the loop node (a full copy of the enclosing function, so parents up to it are known)
 * @param scope   the text of the enclosing function (for fresh names)
 * @param finding the finding naming the loop
 */
record LoopSite(ParsedSource file, SyntaxNode loop, String scope, Finding finding) {

    /** The site of the loop at {@code loop} in {@code parsed}. */
    static LoopSite of(ParsedSource parsed, TSNode loop, Finding finding) {
        Scope scope = Scope.of(parsed, enclosingFunction(loop));
        SyntaxNode loopCopy = scope.copy().find(loop.getStartByte(), loop.getEndByte(), loop.getType());
        if (loopCopy == null) {
            throw new IllegalStateException("loop node lost in copy at line " + ParsedSource.startLine(loop));
        }
        return new LoopSite(parsed, loopCopy, scope.text(), finding);
    }

    /**
     * The enclosing function of a file's loops: a full copy (the planner reprints any part of a loop, so nothing may
     * be pruned) and its text, made once for all the loops of one function. The copy is never changed, so the loops
     * share it; a state machine's function (zlib-rs's inflate) holds dozens of loops and thousands of nodes.
     */
    private record Scope(ParsedSource file, int start, int end, SyntaxNode copy, String text) {

        /** The last function copied (a file's loops are planned one after another). */
        private static volatile Scope last;

        static Scope of(ParsedSource parsed, TSNode function) {
            int start = function.getStartByte();
            int end = function.getEndByte();
            Scope s = last;
            if (s != null && s.file == parsed && s.start == start && s.end == end) {
                return s;
            }
            s = new Scope(parsed, start, end, SyntaxNode.copyOf(function, new SourceText(parsed.bytes())),
                    parsed.text(function));
            last = s;
            return s;
        }
    }

    /** The file's UTF-8 bytes. */
    byte[] src() {
        return file.bytes();
    }

    /** The same loop, seen as {@code other} names it (the state variable a normalisation dispatches on). */
    LoopSite withFinding(Finding other) {
        return new LoopSite(file, loop, scope, other);
    }

    /**
     * The same loop in a new text of the file (after a normalisation), found as the loop starting at byte
     * {@code loopStart}.
     *
     * @throws Refusal when the new text has no loop starting there
     */
    LoopSite reparsed(String text, int loopStart) {
        ParsedSource parsed;
        try {
            parsed = ParsedSource.parse(ParsedSource.Grammar.RUST, text);
        } catch (ParseTimeoutException e) {
            throw new Refusal(RefusalReason.PARSE_TIMEOUT, e.getMessage());
        }
        Deque<TSNode> todo = new ArrayDeque<>();
        todo.push(parsed.root());
        while (!todo.isEmpty()) {
            TSNode n = todo.pop();
            if (n.getStartByte() == loopStart && (n.getType().equals("loop_expression")
                    || n.getType().equals("while_expression"))) {
                return of(parsed, n, finding);
            }
            for (int i = n.getChildCount() - 1; i >= 0; i--) {
                TSNode c = n.getChild(i);
                if (c.getStartByte() <= loopStart && loopStart < c.getEndByte()) {
                    todo.push(c);
                }
            }
        }
        throw new Refusal(RefusalReason.NORMALISATION_FAILED, "no loop at byte " + loopStart + " after normalising");
    }

    /** The file's text. */
    String text() {
        return new String(file.bytes(), StandardCharsets.UTF_8);
    }

    static TSNode enclosingFunction(TSNode node) {
        TSNode n = node;
        while (true) {
            TSNode p = n.getParent();
            if (p == null || p.isNull()) {
                return n;
            }
            if (p.getType().equals("function_item")) {
                return p;
            }
            n = p;
        }
    }
}
