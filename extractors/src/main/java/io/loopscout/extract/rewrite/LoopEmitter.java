package io.loopscout.extract.rewrite;

import io.loopscout.extract.parse.SyntaxNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The emission step: the edits that turn an analysed state loop (one match on a place, see {@link StateLoop})
 * into the {@code #[loop_match]} form. A transition in final position of its arm becomes a labelled break; any
 * other assignment stays as it is and the arm yields the state at its end. Unlabelled breaks and continues of
 * the state loop get the loop's label. A {@code while c} loop becomes {@code loop} with {@code if !(c) break} at
 * the start of every arm. A field state is dispatched through a local copy while every write to the field
 * stays in place.
 */
final class LoopEmitter {

    static final String LOOP_ATTR = "#[cfg_attr(loop_match, loop_match)]";
    static final String CONST_ATTR = "#[cfg_attr(loop_match, const_continue)]";

    private final StateLoop s;
    private final SyntaxNode loop;
    private final byte[] src;
    private final String scope;
    private final List<TextEdit> edits = new ArrayList<>();
    private final Map<SyntaxNode, Boolean> converted = new IdentityHashMap<>();
    private final Set<SyntaxNode> mergedContinues = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The jumps to the state loop the rewrite replaces by breaks out of the dispatch block. */
    private final Set<SyntaxNode> replacedJumps = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<SyntaxNode> finals = Collections.newSetFromMap(new IdentityHashMap<>());
    private final String blockLabel;
    private final String loopLabel;
    private boolean loopLabelNeeded;
    private String whileGuard;
    private int consts;
    private int dynamics;

    private LoopEmitter(StateLoop s) {
        this.s = s;
        this.loop = s.site().loop();
        this.src = s.site().src();
        this.scope = s.site().scope();
        blockLabel = Syntax.fresh(scope, "next_state");
        SyntaxNode label = loop.childOfType("label");
        loopLabel = label != null ? label.text() : Syntax.fresh(scope, "state_loop");
    }

    /** The edits of {@code s}'s rewrite. */
    static Emission emit(StateLoop s) {
        return new LoopEmitter(s).run();
    }

    private Emission run() {
        if (loop.is("while_expression")) {
            planWhile();
        }
        for (SyntaxNode arm : s.arms()) {
            planArm(arm);
        }
        if (consts == 0) {
            throw new Refusal(RefusalReason.NO_CONSTANT_TRANSITIONS,
                    "no transition to a constant in final position, #[const_continue] would not apply");
        }
        // the dispatch: state = 'next_state: { match state { .. } }
        SyntaxNode match = s.match();
        edits.add(TextEdit.insert(StateLoopAnalysis.dispatchStart(loop, match), s.local() + " = " + blockLabel + ": { "));
        if (s.field()) {
            edits.add(new TextEdit(s.scrutinee().start, s.scrutinee().end, s.local()));
        }
        edits.add(TextEdit.insert(match.end, " }"));
        dropLabelLeftUnused();
        edits.addAll(header(s.site(), s, loopLabelNeeded, loopLabel));
        return new Emission(edits, consts, dynamics);
    }

    /**
     * The loop's own label goes when the rewrite replaced every jump naming it (re2rust's `yystate = N; continue
     * 'yyl;` pairs): left in place it would warn "unused label" on stable.
     */
    private void dropLabelLeftUnused() {
        SyntaxNode label = loop.childOfType("label");
        if (label == null || loopLabelNeeded) {
            return;
        }
        List<SyntaxNode> uses = loop.descendants().stream()
                .filter(n -> n.is("break_expression", "continue_expression"))
                .filter(n -> n.childOfType("label") != null && n.childOfType("label").text().equals(loopLabel))
                .toList();
        if (uses.isEmpty() || !uses.stream().allMatch(replacedJumps::contains)) {
            return;
        }
        for (SyntaxNode c : loop.children()) {
            if (c.start > label.start && c.is("loop", "while")) {
                edits.add(new TextEdit(label.start, c.start, ""));
                return;
            }
        }
    }

    // ---- while ---------------------------------------------------------------------------------------------

    private void planWhile() {
        SyntaxNode cond = loop.child("condition");
        if (cond == null || cond.is("let_condition", "let_chain")) {
            // Not normalised on purpose: `loop { let P = match E { P => .., _ => break } .. }` would drop E's
            // temporaries at the end of the let, where `while let` keeps them to the end of the body (a lock
            // guard, a RefCell borrow): unsound to do blind, and whether one has a destructor needs types.
            throw new Refusal(RefusalReason.WHILE_LOOP, "a while-let loop is not normalised to loop + match: the "
                    + "scrutinee's temporaries live to the end of the body in while let but would be dropped at the "
                    + "let of the loop form, and whether one has a destructor cannot be told without types");
        }
        String c = cond.text();
        for (SyntaxNode n : cond.descendants()) {
            if (n.is("assignment_expression", "compound_assignment_expr")
                    && Syntax.squash(n.child("left").text()).equals(s.state())
                    || n.is("reference_expression") && n.text().replaceAll("\\s", "").equals("&mut" + s.state())) {
                throw new Refusal(RefusalReason.WHILE_LOOP, "the while condition changes the state");
            }
        }
        Set<String> condWords = Syntax.words(c);
        for (SyntaxNode arm : s.arms()) {
            for (SyntaxNode n : arm.child("pattern").descendants()) {
                if (n.is("identifier") && !n.parent.is("scoped_identifier") && condWords.contains(n.text())
                        && Character.isLowerCase(n.text().charAt(0))) {
                    throw new Refusal(RefusalReason.WHILE_LOOP,
                            "arm binding " + n.text() + " shadows a name in the condition");
                }
            }
        }
        whileGuard = "if !(" + c + ") { break " + loopLabel + "; }";
        loopLabelNeeded = true;
        // while COND { -> loop {
        SyntaxNode kw = loop.childOfType("while");
        edits.add(new TextEdit(kw.start, cond.end, "loop"));
    }

    // ---- arms ----------------------------------------------------------------------------------------------

    private void planArm(SyntaxNode arm) {
        SyntaxNode value = arm.child("value");
        markFinal(value);
        planBody(value);
        boolean completes = mayComplete(value);
        String tail = s.copy();
        if (value.is("block")) {
            SyntaxNode open = value.children().get(0);
            if (whileGuard != null) {
                edits.add(TextEdit.insert(open.end, " " + whileGuard));
            }
            if (completes) {
                appendTail(value, tail);
            }
        } else if (converted.containsKey(value)) {
            // handled in planBody: the arm value was the transition itself
        } else if (completes && value.text().equals("()")) {
            edits.add(new TextEdit(value.start, value.end, "{ " + guardPrefix() + tail + " }"));
        } else if (completes || whileGuard != null) {
            edits.add(TextEdit.insert(value.start, "{ " + guardPrefix()));
            edits.add(TextEdit.insert(value.end, completes ? "; " + tail + " }" : " }"));
        }
    }

    private String guardPrefix() {
        return whileGuard == null ? "" : whileGuard + " ";
    }

    /** Marks the nodes in final position of an arm: after them the arm ends. */
    private void markFinal(SyntaxNode n) {
        finals.add(n);
        if (n.is("expression_statement")) {
            markFinal(n.expression());
        } else if (n.is("block")) {
            List<SyntaxNode> stmts = n.statements();
            if (!stmts.isEmpty()) {
                markFinal(stmts.get(stmts.size() - 1));
            }
        } else if (n.is("unsafe_block")) {
            markFinal(n.childOfType("block"));
        } else if (n.is("if_expression")) {
            markFinal(n.child("consequence"));
            SyntaxNode alt = n.child("alternative");
            if (alt != null) {
                for (SyntaxNode c : alt.namedChildren()) {
                    markFinal(c);
                }
            }
        } else if (n.is("match_expression")) {
            for (SyntaxNode arm : Syntax.arms(n)) {
                markFinal(arm.child("value"));
            }
        }
    }

    /** Relabels breaks and continues of the state loop and converts the transitions, below {@code value}. */
    private void planBody(SyntaxNode value) {
        if (isTransition(value)) {
            convert(value, value, null, true);
            return;
        }
        walkBlocks(value, false);
    }

    /** @param inLoop whether {@code n} lies inside a loop nested in the arm (its breaks are not ours) */
    private void walkBlocks(SyntaxNode n, boolean inLoop) {
        if (Syntax.BARRIERS.contains(n.type) || converted.containsKey(n)) {
            return;
        }
        if (s.field() && n.is("continue_expression") && !mergedContinues.contains(n) && targetsStateLoop(n, inLoop)) {
            // the field may have changed since the dispatch (a call, a non-final write): re-read it, as the
            // original's `match self.mode` at the loop head did; `continue` would dispatch on the stale copy
            edits.add(new TextEdit(n.start, n.end, "break " + blockLabel + " " + s.copy()));
            replacedJumps.add(n);
            dynamics++;
        } else if (n.is("break_expression", "continue_expression") && !inLoop && n.childOfType("label") == null
                && !mergedContinues.contains(n)) {
            edits.add(TextEdit.insert(n.children().get(0).end, " " + loopLabel));
            loopLabelNeeded = true;
        }
        if (n.is("block")) {
            List<SyntaxNode> stmts = n.statements();
            for (int i = 0; i < stmts.size(); i++) {
                SyntaxNode st = stmts.get(i);
                SyntaxNode e = st.expression();
                if (!isTransition(e)) {
                    continue;
                }
                SyntaxNode next = i + 1 < stmts.size() ? stmts.get(i + 1).expression() : null;
                if (next != null && next.is("continue_expression") && targetsStateLoop(next, inLoop)) {
                    mergedContinues.add(next);
                    replacedJumps.add(next);
                    convert(e, st, stmts.get(i + 1), false);
                } else if (!inLoop && finals.contains(e)) {
                    convert(e, st, null, false);
                }
            }
        }
        if (n.is("match_arm") && !inLoop) {
            SyntaxNode v = n.child("value");
            if (v != null && isTransition(v) && finals.contains(v)) {
                convert(v, v, null, false);
            }
        }
        boolean childInLoop = inLoop || Syntax.LOOPS.contains(n.type);
        for (SyntaxNode c : n.children()) {
            walkBlocks(c, childInLoop);
        }
    }

    private boolean targetsStateLoop(SyntaxNode jump, boolean inLoop) {
        SyntaxNode label = jump.childOfType("label");
        return label == null ? !inLoop : label.text().equals(loopLabel);
    }

    private boolean isTransition(SyntaxNode e) {
        return e.is("assignment_expression") && Syntax.squash(e.child("left").text()).equals(s.state());
    }

    /**
     * Turns {@code state = X} into {@code break 'next_state X}.
     *
     * @param assign    the assignment expression
     * @param stmt      its statement (the assignment itself when it is a tail or the arm value)
     * @param continue_ a continue statement right after it that the break replaces, or null
     * @param topArm    whether the assignment is the value of one of the state match's own arms
     */
    private void convert(SyntaxNode assign, SyntaxNode stmt, SyntaxNode continue_, boolean topArm) {
        SyntaxNode rhs = assign.child("right");
        boolean constant = Syntax.isConstant(rhs, scope);
        if (constant) {
            consts++;
        } else {
            dynamics++;
        }
        boolean field = s.field();
        String target = constant || !field ? rhs.text() : s.copy();
        String jump = (constant ? CONST_ATTR + " " : "") + "break " + blockLabel + " " + target + ";";
        converted.put(assign, constant);
        converted.put(stmt, constant);
        boolean armValue = stmt.parent != null && stmt.parent.is("match_arm");
        if (armValue) {
            String body = field ? assign.text() + "; " + jump : jump;
            edits.add(new TextEdit(assign.start, assign.end, "{ " + (topArm ? guardPrefix() : "") + body + " }"));
            return;
        }
        boolean bare = stmt == assign; // a block's tail expression without ';'
        if (!field) {
            edits.add(new TextEdit(stmt.start, stmt.end, jump));
        } else if (continue_ == null) {
            edits.add(TextEdit.insert(stmt.end, (bare ? "; " : " ") + jump));
        }
        if (continue_ != null) {
            if (field) {
                edits.add(new TextEdit(continue_.start, continue_.end, jump));
            } else {
                int from = Syntax.onlyWhitespace(src, stmt.end, continue_.start) ? stmt.end : continue_.start;
                edits.add(new TextEdit(from, continue_.end, ""));
            }
        }
    }

    /** Whether control can reach the end of {@code n} (after the conversions). Conservative: true if unsure. */
    private boolean mayComplete(SyntaxNode n) {
        if (converted.containsKey(n)) {
            return false;
        }
        return Completion.mayComplete(n, this::mayComplete);
    }

    /** Makes a block that may fall through end with the state's value. */
    private void appendTail(SyntaxNode block, String tail) {
        List<SyntaxNode> stmts = block.statements();
        SyntaxNode close = block.children().get(block.children().size() - 1);
        if (!stmts.isEmpty()) {
            SyntaxNode last = stmts.get(stmts.size() - 1);
            boolean statement = last.is("expression_statement", "let_declaration")
                    || last.type.endsWith("_item") || Syntax.BLOCK_LIKE.contains(last.type);
            if (!statement) {
                edits.add(TextEdit.insert(last.end, ";"));
            }
        }
        int lineStart = Syntax.lineStart(src, close.start);
        if (Syntax.onlyWhitespace(src, lineStart, close.start) && block.startLine() != close.startLine()) {
            String indent = stmts.isEmpty() ? Syntax.indentAt(src, close.start) + "    "
                    : Syntax.indentAt(src, stmts.get(stmts.size() - 1).start);
            edits.add(TextEdit.insert(lineStart, indent + tail + "\n"));
        } else {
            boolean space = close.start > 0 && src[close.start - 1] == ' ';
            edits.add(TextEdit.insert(close.start, (space ? "" : " ") + tail + " "));
        }
    }

    // ---- loop header ---------------------------------------------------------------------------------------

    /** The loop_match attribute (and the local copy of a field state, and the loop's label when needed). */
    static List<TextEdit> header(LoopSite site, StateLoop s, boolean loopLabelNeeded, String loopLabel) {
        SyntaxNode loop = site.loop();
        byte[] src = site.src();
        List<TextEdit> edits = new ArrayList<>();
        SyntaxNode label = loop.childOfType("label");
        List<String> head = new ArrayList<>();
        if (s.copyMacro() != null) {
            head.add(s.copyMacro());
        }
        if (s.field()) {
            head.add("let mut " + s.local() + " = " + s.copy() + ";");
        }
        head.add(LOOP_ATTR);
        String labelText = label == null && loopLabelNeeded ? loopLabel + ": " : "";
        SyntaxNode p = loop.parent;
        boolean statementPosition = p != null && (p.is("block")
                || p.is("expression_statement") && p.start == loop.start && p.parent != null && p.parent.is("block"));
        boolean ownLine = Syntax.onlyWhitespace(src, Syntax.lineStart(src, loop.start), loop.start);
        if (statementPosition && ownLine) {
            String indent = Syntax.indentAt(src, loop.start);
            String sep = "\n" + indent;
            edits.add(TextEdit.insert(loop.start, String.join(sep, head) + sep + labelText));
        } else if (statementPosition) {
            edits.add(TextEdit.insert(loop.start, String.join(" ", head) + " " + labelText));
        } else {
            // in expression position an attribute needs stmt_expr_attributes: make the loop a block's tail
            edits.add(TextEdit.insert(loop.start, "{ " + String.join(" ", head) + " " + labelText));
            edits.add(TextEdit.insert(loop.end, " }"));
        }
        return edits;
    }
}
