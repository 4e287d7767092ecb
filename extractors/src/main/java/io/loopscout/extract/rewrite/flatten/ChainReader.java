package io.loopscout.extract.rewrite.flatten;

import io.loopscout.extract.parse.SyntaxNode;
import io.loopscout.extract.rewrite.flatten.Chain.Arm;
import io.loopscout.extract.rewrite.flatten.Chain.LoopBlock;
import io.loopscout.extract.rewrite.flatten.Chain.MatchBlock;
import io.loopscout.extract.rewrite.flatten.Chain.PlainRun;
import io.loopscout.extract.rewrite.flatten.Chain.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the {@link Chain} of a loop, or says why the loop is not one. */
final class ChainReader {

    private static final Pattern KEY = Pattern.compile("-?[0-9][0-9A-Za-z_]*|(?:[A-Za-z_][A-Za-z0-9_]*::)*[A-Z][A-Za-z0-9_]*");

    /** The loop is not a relooper chain (or not one this normalisation handles). */
    static final class NotAChain extends RuntimeException {
        final String reason;

        NotAChain(String reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    private final String variable;

    ChainReader(String variable) {
        this.variable = variable;
    }

    /**
     * The chain of {@code loop} dispatching on {@code variable} (null: the scrutinee of the first match in the
     * body that is on a plain local).
     */
    static Chain read(SyntaxNode loop, String variable) {
        if (!loop.is("loop_expression")) {
            throw new NotAChain("not-a-loop", "only `loop` is flattened, this is a " + loop.type);
        }
        SyntaxNode body = loop.child("body");
        String var = variable == null || variable.isBlank() ? firstScrutinee(body) : variable.strip();
        if (var == null) {
            throw new NotAChain("no-state-match", "no match on a local in the loop body");
        }
        ChainReader r = new ChainReader(var);
        SyntaxNode label = loop.childOfType("label");
        Sequence main = r.sequence(body, loop, label == null ? null : label.text());
        Sequence prefix = new Sequence(null, null);
        for (SyntaxNode m : r.precedingMatches(loop)) {
            prefix.elements.add(r.matchBlock(m));
        }
        prefix.afterSequence = main;
        prefix.afterIndex = 0;
        if (main.elements.stream().noneMatch(e -> e instanceof MatchBlock)) {
            throw new NotAChain("no-state-match", "the loop body has no top-level match on " + var);
        }
        return new Chain(prefix, main, var);
    }

    static String firstScrutinee(SyntaxNode body) {
        for (SyntaxNode s : body.statements()) {
            SyntaxNode e = s.expression();
            if (e.is("match_expression") && e.child("value").is("identifier")) {
                return e.child("value").text();
            }
        }
        return null;
    }

    private Sequence sequence(SyntaxNode block, SyntaxNode loop, String label) {
        Sequence seq = new Sequence(loop, label);
        for (SyntaxNode c : block.namedChildren()) {
            if (c.is("attribute_item", "inner_attribute_item")) {
                throw new NotAChain("attributes-in-body", "an attribute at line " + c.startLine() + " in the loop body");
            }
        }
        PlainRun run = null;
        for (SyntaxNode s : block.statements()) {
            SyntaxNode e = s.expression();
            if (isStateMatch(e)) {
                seq.elements.add(matchBlock(e));
                run = null;
            } else if (e.is("loop_expression") && dispatches(e.child("body"))) {
                SyntaxNode l = e.childOfType("label");
                Sequence inner = sequence(e.child("body"), e, l == null ? null : l.text());
                seq.elements.add(new LoopBlock(e, l == null ? null : l.text(), inner));
                inner.afterSequence = seq;
                inner.afterIndex = seq.elements.size(); // wrapped by the resolver when it is the end
                run = null;
            } else {
                if (s.is("let_declaration") || s.type.endsWith("_item") || s.is("macro_definition")) {
                    throw new NotAChain("declarations-in-body", "a declaration at line " + s.startLine()
                            + " would be out of scope in another state");
                }
                if (run == null) {
                    run = new PlainRun(new ArrayList<>());
                    seq.elements.add(run);
                }
                run.statements().add(s);
            }
        }
        return seq;
    }

    private boolean dispatches(SyntaxNode block) {
        return block.statements().stream().anyMatch(s -> isStateMatch(s.expression()));
    }

    private boolean isStateMatch(SyntaxNode e) {
        if (!e.is("match_expression")) {
            return false;
        }
        SyntaxNode v = e.child("value");
        return v != null && v.is("identifier") && v.text().equals(variable);
    }

    /** The {@code match variable} statements right before the loop statement, in source order. */
    List<SyntaxNode> precedingMatches(SyntaxNode loop) {
        SyntaxNode stmt = loop.parent != null && loop.parent.is("expression_statement") ? loop.parent : loop;
        SyntaxNode block = stmt.parent;
        List<SyntaxNode> out = new ArrayList<>();
        if (block == null || !block.is("block") || block.parent != null
                && block.parent.is("loop_expression", "while_expression", "for_expression")) {
            return out; // matches before a loop nested in a loop body run on every iteration: not a resume chain
        }
        List<SyntaxNode> kids = block.namedChildren();
        for (int i = kids.indexOf(stmt) - 1; i >= 0; i--) {
            SyntaxNode e = kids.get(i).expression();
            if (!isStateMatch(e)) {
                break;
            }
            out.add(0, e);
        }
        return out;
    }

    private MatchBlock matchBlock(SyntaxNode match) {
        List<Arm> arms = new ArrayList<>();
        for (SyntaxNode arm : match.child("body").namedChildren()) {
            if (!arm.is("match_arm")) {
                continue;
            }
            SyntaxNode pattern = arm.child("pattern");
            if (pattern.child("condition") != null) {
                throw new NotAChain("match-guards", "arm at line " + arm.startLine() + " has a guard");
            }
            String text = pattern.text().replaceAll("\\s+", "");
            List<String> keys = new ArrayList<>();
            boolean wildcard = text.equals("_");
            if (!wildcard) {
                for (String k : text.split("\\|")) {
                    if (k.isEmpty()) {
                        continue;
                    }
                    if (!KEY.matcher(k).matches()) {
                        throw new NotAChain("pattern-not-constant", "arm at line " + arm.startLine()
                                + " matches " + pattern.text() + ", not constants");
                    }
                    keys.add(k);
                }
            }
            SyntaxNode value = arm.child("value");
            boolean empty = value != null && value.is("block") && value.statements().isEmpty()
                    && value.childOfType("label") == null;
            arms.add(new Arm(arm, keys, wildcard, empty));
        }
        return new MatchBlock(match, arms);
    }
}
