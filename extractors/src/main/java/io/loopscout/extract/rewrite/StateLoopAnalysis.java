package io.loopscout.extract.rewrite;

import io.loopscout.extract.Finding;
import io.loopscout.extract.parse.SyntaxNode;
import io.loopscout.extract.rust.StatePlace;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The analysis step of planning: whether a loop (after the normalisations) is a state loop the emission can
 * handle, and on which place it dispatches. Every check refuses with its typed reason.
 */
final class StateLoopAnalysis {

    private StateLoopAnalysis() {
    }

    /** What no normalisation can change: a damaged tree, a loop already annotated, a state with fields. */
    static void checkPreconditions(LoopSite site) {
        SyntaxNode loop = site.loop();
        if (Syntax.has(loop, "ERROR") || Syntax.has(loop, "MISSING")) {
            throw new Refusal(RefusalReason.PARSE_ERRORS, "the loop does not parse cleanly");
        }
        if (loop.is("for_expression")) {
            throw new Refusal(RefusalReason.FOR_LOOP, "#[loop_match] goes on a loop; a for loop's iterator would"
                    + " have to be driven by hand first");
        }
        if (precededByLoopMatchAttribute(loop)) {
            throw new Refusal(RefusalReason.ALREADY_LOOP_MATCH, "the loop is already annotated #[loop_match]");
        }
        if ("enum-with-fields".equals(site.finding().stateType())) {
            throw new Refusal(RefusalReason.STATE_TYPE_HAS_FIELDS,
                    "rustc accepts only fieldless enums, integers, bool, char");
        }
    }

    /** The state loop of a loop whose body is one match on a place. */
    static StateLoop analyse(LoopSite site) {
        SyntaxNode match = theMatch(site.loop());
        SyntaxNode scrutinee = match.child("value");
        StateLoop s = classify(site, match, scrutinee, Syntax.arms(match));
        for (SyntaxNode arm : s.arms()) {
            checkGuard(arm);
            SyntaxNode pattern = arm.child("pattern");
            for (SyntaxNode n : pattern == null ? List.<SyntaxNode>of() : pattern.descendants()) {
                if (n.is("tuple_struct_pattern", "struct_pattern", "tuple_pattern", "ref_pattern",
                        "reference_pattern", "slice_pattern")) {
                    throw new Refusal(RefusalReason.STATE_TYPE_HAS_FIELDS, "arm at line " + arm.startLine()
                            + " destructures the state (" + n.text() + ")");
                }
            }
        }
        checkClosures(s);
        checkShadowing(s);
        checkMacros(s);
        return s;
    }

    /** The state place of {@code match}: a local as it is, or a field/deref with a fresh local for its copy. */
    static StateLoop classify(LoopSite site, SyntaxNode match, SyntaxNode scrutinee, List<SyntaxNode> arms) {
        String stateText = scrutinee.text();
        String state = Syntax.squash(stateText);
        boolean local = scrutinee.is("identifier");
        checkNotCast(scrutinee);
        if (!local && !StatePlace.isFieldOrDeref(scrutinee)) {
            // rustc needs the match on the local itself: a tuple, a call or an index cannot be copied into one
            throw new Refusal(RefusalReason.STATE_NOT_LOCAL,
                    "the match is on " + stateText + ", not a variable or a field");
        }
        Finding finding = site.finding();
        if (finding.stateVariable() != null && !finding.stateVariable().isBlank()
                && !Syntax.squash(finding.stateVariable()).equals(state)) {
            throw new Refusal(RefusalReason.STATE_VARIABLE_MISMATCH, "the loop's match is on " + stateText
                    + ", the finding says " + finding.stateVariable());
        }
        if (local) {
            return new StateLoop(site, match, scrutinee, arms, state, stateText, false, stateText, stateText, null);
        }
        String copy = Syntax.fresh(site.scope(), StatePlace.lastName(state, "state"));
        return new StateLoop(site, match, scrutinee, arms, state, stateText, true, copy, stateText, null);
    }

    /**
     * Refuses a match on a cast of the state place (c2rust's {@code p_state as ::core::ffi::c_uint}):
     * {@code #[loop_match]} needs {@code match place}, and dropping the cast is sound only when the place already
     * has the cast's type, which the rewriter cannot tell without type information.
     */
    static void checkNotCast(SyntaxNode scrutinee) {
        if (scrutinee != null && StatePlace.isCastOfPlace(scrutinee)) {
            throw new Refusal(RefusalReason.CAST_SCRUTINEE, "the match is on a cast, "
                    + scrutinee.text().replaceAll("\\s+", " ") + ": dropping it needs the place's type");
        }
    }

    static void checkGuard(SyntaxNode arm) {
        SyntaxNode pattern = arm.child("pattern");
        if (pattern != null && pattern.child("condition") != null) {
            throw new Refusal(RefusalReason.MATCH_GUARDS, "arm at line " + arm.startLine() + " has a guard");
        }
    }

    /**
     * The match that is the loop body's last statement, after items only ({@code macro_rules!}, {@code fn},
     * {@code use}: rustc's {@code #[loop_match]} ignores items, and they stay in scope of the loop's label).
     */
    private static SyntaxNode theMatch(SyntaxNode loop) {
        SyntaxNode body = loop.child("body");
        List<SyntaxNode> stmts = body == null ? List.of() : body.statements();
        List<SyntaxNode> attrs = body == null ? List.of()
                : body.namedChildren().stream().filter(c -> c.is("attribute_item")).toList();
        boolean itemsFirst = stmts.subList(0, Math.max(0, stmts.size() - 1)).stream()
                .allMatch(StatementsIntoArms::isItem);
        if (!stmts.isEmpty() && itemsFirst && attrs.isEmpty()
                && stmts.get(stmts.size() - 1).expression().is("match_expression")) {
            return stmts.get(stmts.size() - 1).expression();
        }
        for (SyntaxNode st : stmts) {
            // a dispatch on a cast is refused for the cast: moving the statements would not make it rewritable
            if (st.expression().is("match_expression")) {
                checkNotCast(st.expression().child("value"));
            }
        }
        throw new Refusal(RefusalReason.STATEMENTS_AROUND_MATCH,
                "the loop body must be the match alone; it has " + stmts.size() + " statements");
    }

    /** Where the dispatch block opens: before the body's leading items, else at the match. */
    static int dispatchStart(SyntaxNode loop, SyntaxNode match) {
        List<SyntaxNode> stmts = loop.child("body").statements();
        return stmts.isEmpty() || stmts.get(0).start > match.start ? match.start : stmts.get(0).start;
    }

    private static void checkClosures(StateLoop s) {
        if (s.field()) {
            return; // the field is re-read after every arm, a closure writing it cannot make the dispatch stale
        }
        String local = s.local();
        Pattern word = Pattern.compile("(?<![A-Za-z0-9_'.])" + Pattern.quote(local) + "(?![A-Za-z0-9_])");
        for (SyntaxNode n : s.match().descendants()) {
            if (n.is("closure_expression", "async_block") && word.matcher(n.text()).find()) {
                throw new Refusal(RefusalReason.CLOSURE_CAPTURES_STATE,
                        "a closure at line " + n.startLine() + " uses " + local);
            }
        }
        for (SyntaxNode p = s.site().loop().parent; p != null; p = p.parent) {
            if (p.is("closure_expression")) {
                String closure = p.text();
                if (!Pattern.compile("let\\s+mut\\s+" + Pattern.quote(local) + "\\b").matcher(closure).find()
                        && !word.matcher(p.child("parameters").text()).find()) {
                    throw new Refusal(RefusalReason.CLOSURE_CAPTURES_STATE,
                            "the loop is in a closure that captures " + local);
                }
                return;
            }
            if (p.is("function_item")) {
                return;
            }
        }
    }

    /**
     * A binding of the state's name inside the loop ({@code let state = ..}, an arm or closure binding) would
     * make {@code state = X} and the arm's value refer to another variable: leave such loops alone.
     */
    private static void checkShadowing(StateLoop s) {
        Matcher m = Pattern.compile("^\\*?\\s*([A-Za-z_][A-Za-z0-9_]*)").matcher(s.state());
        if (!m.find() || m.group(1).equals("self")) {
            return;
        }
        String name = m.group(1);
        SyntaxNode match = s.match();
        for (SyntaxNode n : match.descendants()) {
            if (!n.is("identifier") || !n.text().equals(name)) {
                continue;
            }
            for (SyntaxNode p = n; p != null && p != match; p = p.parent) {
                if ("pattern".equals(p.field) || p.is("closure_parameters", "parameters")) {
                    throw new Refusal(RefusalReason.STATE_SHADOWED, "line " + n.startLine() + " binds another " + name);
                }
                if (p.is("block", "match_arm") && p != n) {
                    break;
                }
            }
        }
    }

    /** A break or continue inside a macro's tokens cannot be relabelled: leave such loops alone. */
    private static void checkMacros(StateLoop s) {
        checkMacros(s.match(), false, s.site().loop());
    }

    private static void checkMacros(SyntaxNode n, boolean inLoop, SyntaxNode loop) {
        if (n.is("macro_invocation") && !inLoop) {
            SyntaxNode tokens = n.childOfType("token_tree");
            if (tokens != null && Syntax.WORD_BREAK.matcher(Syntax.withoutCommentsAndStrings(tokens.text())).find()) {
                throw new Refusal(RefusalReason.BREAK_IN_MACRO, "macro at line " + n.startLine()
                        + " contains break/continue, which cannot be relabelled");
            }
        }
        if (Syntax.BARRIERS.contains(n.type)) {
            return;
        }
        for (SyntaxNode c : n.children()) {
            checkMacros(c, inLoop || Syntax.LOOPS.contains(n.type) && n != loop, loop);
        }
    }

    private static boolean precededByLoopMatchAttribute(SyntaxNode loop) {
        SyntaxNode stmt = loop.parent != null && loop.parent.is("expression_statement") ? loop.parent : loop;
        SyntaxNode block = stmt.parent;
        if (block == null) {
            return false;
        }
        List<SyntaxNode> kids = block.namedChildren();
        int i = kids.indexOf(stmt);
        return i > 0 && kids.get(i - 1).is("attribute_item") && kids.get(i - 1).text().contains("loop_match");
    }
}
