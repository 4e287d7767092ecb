package io.loopscout.extract.rewrite.flatten;

import io.loopscout.extract.parse.SyntaxNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The relooper structure of one state loop (c2rust's {@code current_block} form): a sequence of elements run
 * in order, each a {@code match current_block} block, a run of plain statements, or a nested {@code loop} whose
 * body is a sequence itself. The prefix is the chain of {@code match current_block} blocks right before the
 * loop (run once, then the loop).
 */
final class Chain {

    /** One element of a sequence. */
    sealed interface Element permits MatchBlock, PlainRun, LoopBlock {
    }

    /**
     * One arm of a {@code match current_block}.
     *
     * @param node     the match_arm node
     * @param keys     the constants it matches (squashed text); empty for {@code _}
     * @param wildcard whether it is the {@code _} arm
     * @param empty    whether its body is {@code {}} (the arm only passes control on)
     */
    record Arm(SyntaxNode node, List<String> keys, boolean wildcard, boolean empty) {
        SyntaxNode value() {
            return node.child("value");
        }
    }

    /** A {@code match current_block { .. }} statement. */
    record MatchBlock(SyntaxNode match, List<Arm> arms) implements Element {
    }

    /** Consecutive statements that are not state dispatches; run as one state. */
    record PlainRun(List<SyntaxNode> statements) implements Element {
    }

    /** A {@code loop} in the sequence whose body dispatches on the state variable too. */
    record LoopBlock(SyntaxNode loop, String label, Sequence body) implements Element {
    }

    /** An ordered list of elements; after the last one control goes to {@link #after}. */
    static final class Sequence {
        final List<Element> elements = new ArrayList<>();
        /** The loop whose body this is, or null for the prefix. */
        final SyntaxNode loop;
        final String label;
        /** Where control goes after the last element: the sequence and index; null for a loop body (wraps). */
        Sequence afterSequence;
        int afterIndex;

        Sequence(SyntaxNode loop, String label) {
            this.loop = loop;
            this.label = label;
        }

        boolean isLoop() {
            return loop != null;
        }
    }

    /** The prefix (may be empty) and the outer loop's body. */
    final Sequence prefix;
    final Sequence body;
    final String variable;

    Chain(Sequence prefix, Sequence body, String variable) {
        this.prefix = prefix;
        this.body = body;
        this.variable = variable;
    }

    /** Every match block of the chain, in source order. */
    List<MatchBlock> matchBlocks() {
        List<MatchBlock> out = new ArrayList<>();
        collect(prefix, out);
        collect(body, out);
        return out;
    }

    private static void collect(Sequence s, List<MatchBlock> out) {
        for (Element e : s.elements) {
            if (e instanceof MatchBlock m) {
                out.add(m);
            } else if (e instanceof LoopBlock l) {
                collect(l.body(), out);
            }
        }
    }
}
