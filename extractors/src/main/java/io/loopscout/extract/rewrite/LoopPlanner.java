package io.loopscout.extract.rewrite;

import io.loopscout.extract.Finding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plans the {@code #[loop_match]} rewrite of one state loop (shared/loop-match.md):
 * <pre>
 * #[cfg_attr(loop_match, loop_match)]
 * 'state_loop: loop {
 *     state = 'next_state: { match state {
 *         A =&gt; { ..; #[cfg_attr(loop_match, const_continue)] break 'next_state B; }
 *         C =&gt; { if x { break 'state_loop; } state }      // an arm that may keep the state yields it
 *     } }
 * }
 * </pre>
 * A transition in final position of its arm ({@code state = X;} as the arm's last statement, or followed by a
 * {@code continue} of the state loop) becomes a labelled break; any other assignment stays as it is and the
 * arm yields the state at its end, so the meaning never changes. Unlabelled breaks and continues of the state
 * loop get the loop's label. A {@code while c} loop becomes {@code loop} with {@code if !(c) break} at the
 * start of every arm. A field state ({@code self.mode}) is dispatched through a local copy while every write
 * to the field stays in place, so the field is current on every path out of the loop ({@code break},
 * {@code return}, {@code ?}, panics) and for any code that reads it inside the loop.
 */
final class LoopPlanner {

    static final String LOOP_ATTR = "#[cfg_attr(loop_match, loop_match)]";
    static final String CONST_ATTR = "#[cfg_attr(loop_match, const_continue)]";

    private static final Set<String> BLOCK_LIKE = Set.of("if_expression", "match_expression", "loop_expression",
            "while_expression", "for_expression", "block", "unsafe_block", "async_block", "const_block");
    private static final Set<String> LOOPS = Set.of("loop_expression", "while_expression", "for_expression");
    private static final Set<String> BARRIERS = Set.of("closure_expression", "function_item", "async_block",
            "const_item", "static_item", "impl_item", "trait_item", "mod_item", "const_block");
    private static final Set<String> DIVERGING_MACROS = Set.of("panic", "unreachable", "todo", "unimplemented");
    private static final Pattern WORD_BREAK = Pattern.compile("\\b(break|continue)\\b");

    /** Thrown inside planning to leave the loop alone. */
    private static final class Refusal extends RuntimeException {
        final String reason;

        Refusal(String reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    private final byte[] src;
    private final SyntaxNode loop;
    private final String scope;
    private final Finding finding;

    private final List<TextEdit> edits = new ArrayList<>();
    private final Map<SyntaxNode, Boolean> converted = new IdentityHashMap<>();
    private final Set<SyntaxNode> mergedContinues = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<SyntaxNode> finals = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private String state;        // the scrutinee as written, whitespace removed: state, self.mode, *s
    private String stateText;    // the scrutinee as written
    private boolean field;
    private String local;        // the local dispatched on
    private String loopLabel;
    private boolean loopLabelNeeded;
    private String blockLabel;
    private String whileGuard;
    private int consts;
    private int dynamics;

    /**
     * @param src     the file's UTF-8 bytes
     * @param loop    the loop node (a copy of the enclosing function, so parents up to it are known)
     * @param scope   the text of the enclosing function (for fresh names)
     * @param finding the finding naming the loop
     */
    LoopPlanner(byte[] src, SyntaxNode loop, String scope, Finding finding) {
        this.src = src;
        this.loop = loop;
        this.scope = scope;
        this.finding = finding;
    }

    LoopPlan plan() {
        int startLine = loop.startRow + 1;
        int endLine = lineOf(loop.end - 1);
        try {
            planEdits();
            return new LoopPlan(finding, startLine, endLine, null, "", edits, consts, dynamics);
        } catch (Refusal r) {
            return LoopPlan.refused(finding, startLine, endLine, r.reason, r.getMessage());
        }
    }

    private void planEdits() {
        if (has(loop, "ERROR") || has(loop, "MISSING")) {
            throw new Refusal("parse-errors", "the loop does not parse cleanly");
        }
        if (precededByLoopMatchAttribute()) {
            throw new Refusal("already-loop-match", "the loop is already annotated #[loop_match]");
        }
        if ("enum-with-fields".equals(finding.stateType())) {
            throw new Refusal("state-type-has-fields", "rustc accepts only fieldless enums, integers, bool, char");
        }
        SyntaxNode ready = readyAssignment();
        if (ready != null) {
            planReady(ready);
            return;
        }
        SyntaxNode match = theMatch();
        SyntaxNode scrutinee = match.field("value");
        classifyState(scrutinee);
        List<SyntaxNode> arms = arms(match);
        for (SyntaxNode arm : arms) {
            SyntaxNode pattern = arm.field("pattern");
            if (pattern != null && pattern.field("condition") != null) {
                throw new Refusal("match-guards", "arm at line " + lineOf(arm.start) + " has a guard");
            }
            for (SyntaxNode n : pattern == null ? List.<SyntaxNode>of() : pattern.descendants()) {
                if (n.is("tuple_struct_pattern", "struct_pattern", "tuple_pattern", "ref_pattern",
                        "reference_pattern", "slice_pattern")) {
                    throw new Refusal("state-type-has-fields", "arm at line " + lineOf(arm.start)
                            + " destructures the state (" + text(n) + ")");
                }
            }
        }
        checkClosures(match);
        checkShadowing(match);
        checkMacros(match);
        blockLabel = fresh("next_state");
        SyntaxNode label = loop.childOfType("label");
        loopLabel = label != null ? text(label) : fresh("state_loop");
        if (loop.is("while_expression")) {
            planWhile(arms);
        }
        for (SyntaxNode arm : arms) {
            planArm(arm);
        }
        if (consts == 0) {
            throw new Refusal("no-constant-transitions",
                    "no transition to a constant in final position, #[const_continue] would not apply");
        }
        // the dispatch: state = 'next_state: { match state { .. } }
        edits.add(TextEdit.insert(match.start, local + " = " + blockLabel + ": { "));
        if (field) {
            edits.add(new TextEdit(scrutinee.start, scrutinee.end, local));
        }
        edits.add(TextEdit.insert(match.end, " }"));
        planHeader();
    }

    // ---- shape checks -------------------------------------------------------------------------------------

    private SyntaxNode theMatch() {
        SyntaxNode body = loop.field("body");
        List<SyntaxNode> stmts = body == null ? List.of() : body.statements();
        List<SyntaxNode> attrs = body == null ? List.of()
                : body.codeChildren().stream().filter(c -> c.is("attribute_item")).toList();
        if (stmts.size() == 1 && attrs.isEmpty() && stmts.get(0).expression().is("match_expression")) {
            return stmts.get(0).expression();
        }
        throw new Refusal("statements-around-match",
                "the loop body must be the match alone; it has " + stmts.size() + " statements");
    }

    /**
     * The body's {@code state = 'blk: { match state { .. } }} when the loop is already in the accepted shape
     * without the attributes (loop_match_ready), else null.
     */
    private SyntaxNode readyAssignment() {
        SyntaxNode body = loop.field("body");
        List<SyntaxNode> stmts = body == null ? List.of() : body.statements();
        if (stmts.size() != 1 || !stmts.get(0).expression().is("assignment_expression")) {
            return null;
        }
        SyntaxNode assign = stmts.get(0).expression();
        SyntaxNode left = assign.field("left");
        SyntaxNode right = assign.field("right");
        if (left == null || !left.is("identifier") || right == null || !right.is("block")
                || right.childOfType("label") == null) {
            return null;
        }
        List<SyntaxNode> inner = right.statements();
        if (inner.size() != 1 || !inner.get(0).expression().is("match_expression")) {
            return null;
        }
        SyntaxNode scrutinee = inner.get(0).expression().field("value");
        return scrutinee != null && text(scrutinee).equals(text(left)) ? assign : null;
    }

    /** Adds only the attributes to a loop already in the accepted shape. */
    private void planReady(SyntaxNode assign) {
        SyntaxNode block = assign.field("right");
        SyntaxNode match = block.statements().get(0).expression();
        classifyState(match.field("value"));
        for (SyntaxNode arm : arms(match)) {
            SyntaxNode pattern = arm.field("pattern");
            if (pattern != null && pattern.field("condition") != null) {
                throw new Refusal("match-guards", "arm at line " + lineOf(arm.start) + " has a guard");
            }
        }
        blockLabel = text(block.childOfType("label"));
        SyntaxNode stmt = block.statements().get(0);
        SyntaxNode semicolon = stmt.is("expression_statement") ? stmt.childOfType(";") : null;
        if (semicolon != null) {
            // `{ match .. {..}; }` is a statement, not the block's value: rustc wants the match as the value
            edits.add(new TextEdit(semicolon.start, semicolon.end, ""));
        }
        for (SyntaxNode c : block.codeChildren()) {
            if (c.is("empty_statement")) {
                edits.add(new TextEdit(c.start, c.end, "")); // tree-sitter's reading of the same `;`
            }
        }
        List<SyntaxNode> breaks = new ArrayList<>();
        collectBreaks(match, blockLabel, breaks);
        for (SyntaxNode b : breaks) {
            List<SyntaxNode> operand = b.codeChildren();
            SyntaxNode value = operand.size() == 2 ? operand.get(1) : null;
            if (value == null || !isConstant(value)) {
                dynamics++;
                continue;
            }
            consts++;
            SyntaxNode p = b.parent;
            if (p.is("expression_statement") && p.parent != null && p.parent.is("block")) {
                edits.add(TextEdit.insert(b.start, CONST_ATTR + " "));
            } else if (p.is("block")) {
                // a tail `break 'blk X` without ';': make it a statement so the attribute is in statement position
                edits.add(TextEdit.insert(b.start, CONST_ATTR + " "));
                edits.add(TextEdit.insert(b.end, ";"));
            } else {
                edits.add(TextEdit.insert(b.start, "{ " + CONST_ATTR + " "));
                edits.add(TextEdit.insert(b.end, "; }"));
            }
        }
        if (consts == 0) {
            throw new Refusal("no-constant-transitions", "no `break " + blockLabel + "` to a constant");
        }
        planHeader();
    }

    private void collectBreaks(SyntaxNode n, String label, List<SyntaxNode> out) {
        if (BARRIERS.contains(n.type)) {
            return;
        }
        if (n.is("break_expression")) {
            SyntaxNode l = n.childOfType("label");
            if (l != null && text(l).equals(label)) {
                out.add(n);
            }
        }
        for (SyntaxNode c : n.children()) {
            collectBreaks(c, label, out);
        }
    }

    private void classifyState(SyntaxNode scrutinee) {
        stateText = text(scrutinee);
        state = squash(stateText);
        if (finding.stateVariable() != null && !finding.stateVariable().isBlank()
                && !squash(finding.stateVariable()).equals(state)) {
            throw new Refusal("state-variable-mismatch", "the loop's match is on " + stateText + ", the finding says "
                    + finding.stateVariable());
        }
        if (scrutinee.is("identifier")) {
            local = stateText;
            field = false;
            return;
        }
        boolean place = scrutinee.is("field_expression") && isPlace(scrutinee)
                || scrutinee.is("unary_expression") && stateText.startsWith("*") && isPlace(lastNamed(scrutinee));
        if (!place) {
            throw new Refusal("state-not-local", "the match is on " + stateText + ", not a variable or a field");
        }
        field = true;
        Matcher m = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)$").matcher(state);
        local = fresh(m.find() ? m.group(1) : "state");
    }

    /** A field chain or local: {@code self.a.b}, {@code s.mode}, {@code x}. */
    private boolean isPlace(SyntaxNode n) {
        if (n == null) {
            return false;
        }
        if (n.is("identifier", "self")) {
            return true;
        }
        if (n.is("field_expression")) {
            return isPlace(n.field("value"));
        }
        if (n.is("unary_expression") && text(n).startsWith("*")) {
            return isPlace(lastNamed(n));
        }
        return false;
    }

    private List<SyntaxNode> arms(SyntaxNode match) {
        SyntaxNode block = match.field("body");
        return block.codeChildren().stream().filter(c -> c.is("match_arm")).toList();
    }

    private void checkClosures(SyntaxNode match) {
        if (field) {
            return; // the field is re-read after every arm, a closure writing it cannot make the dispatch stale
        }
        Pattern word = Pattern.compile("(?<![A-Za-z0-9_'.])" + Pattern.quote(local) + "(?![A-Za-z0-9_])");
        for (SyntaxNode n : match.descendants()) {
            if (n.is("closure_expression", "async_block") && word.matcher(text(n)).find()) {
                throw new Refusal("closure-captures-state", "a closure at line " + lineOf(n.start) + " uses " + local);
            }
        }
        for (SyntaxNode p = loop.parent; p != null; p = p.parent) {
            if (p.is("closure_expression")) {
                String closure = text(p);
                if (!Pattern.compile("let\\s+mut\\s+" + Pattern.quote(local) + "\\b").matcher(closure).find()
                        && !word.matcher(text(p.field("parameters"))).find()) {
                    throw new Refusal("closure-captures-state", "the loop is in a closure that captures " + local);
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
    private void checkShadowing(SyntaxNode match) {
        Matcher m = Pattern.compile("^\\*?\\s*([A-Za-z_][A-Za-z0-9_]*)").matcher(state);
        if (!m.find() || m.group(1).equals("self")) {
            return;
        }
        String name = m.group(1);
        for (SyntaxNode n : match.descendants()) {
            if (!n.is("identifier") || !text(n).equals(name)) {
                continue;
            }
            for (SyntaxNode p = n; p != null && p != match; p = p.parent) {
                if ("pattern".equals(p.field) || p.is("closure_parameters", "parameters")) {
                    throw new Refusal("state-shadowed", "line " + lineOf(n.start) + " binds another " + name);
                }
                if (p.is("block", "match_arm") && p != n) {
                    break;
                }
            }
        }
    }

    /** A break or continue inside a macro's tokens cannot be relabelled: leave such loops alone. */
    private void checkMacros(SyntaxNode match) {
        walk(match, false, (n, inLoop) -> {
            if (n.is("macro_invocation") && !inLoop) {
                SyntaxNode tokens = n.childOfType("token_tree");
                if (tokens != null && WORD_BREAK.matcher(withoutCommentsAndStrings(text(tokens))).find()) {
                    throw new Refusal("break-in-macro", "macro at line " + lineOf(n.start)
                            + " contains break/continue, which cannot be relabelled");
                }
            }
        });
    }

    // ---- while ---------------------------------------------------------------------------------------------

    private void planWhile(List<SyntaxNode> arms) {
        SyntaxNode cond = loop.field("condition");
        if (cond == null || cond.is("let_condition", "let_chain")) {
            throw new Refusal("while-loop", "a while-let loop cannot become a loop_match loop");
        }
        String c = text(cond);
        for (SyntaxNode n : cond.descendants()) {
            if (n.is("assignment_expression", "compound_assignment_expr") && squash(text(n.field("left"))).equals(state)
                    || n.is("reference_expression") && text(n).replaceAll("\\s", "").equals("&mut" + state)) {
                throw new Refusal("while-loop", "the while condition changes the state");
            }
        }
        Set<String> condWords = words(c);
        for (SyntaxNode arm : arms) {
            for (SyntaxNode n : arm.field("pattern").descendants()) {
                if (n.is("identifier") && !n.parent.is("scoped_identifier") && condWords.contains(text(n))
                        && Character.isLowerCase(text(n).charAt(0))) {
                    throw new Refusal("while-loop", "arm binding " + text(n) + " shadows a name in the condition");
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
        SyntaxNode value = arm.field("value");
        markFinal(value);
        planBody(value);
        boolean completes = mayComplete(value);
        String tail = stateText;
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
        } else if (completes && text(value).equals("()")) {
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
            markFinal(n.field("consequence"));
            SyntaxNode alt = n.field("alternative");
            if (alt != null) {
                for (SyntaxNode c : alt.codeChildren()) {
                    markFinal(c);
                }
            }
        } else if (n.is("match_expression")) {
            for (SyntaxNode arm : arms(n)) {
                markFinal(arm.field("value"));
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
        if (BARRIERS.contains(n.type) || converted.containsKey(n)) {
            return;
        }
        if (field && n.is("continue_expression") && !mergedContinues.contains(n) && targetsStateLoop(n, inLoop)) {
            // the field may have changed since the dispatch (a call, a non-final write): re-read it, as the
            // original's `match self.mode` at the loop head did; `continue` would dispatch on the stale copy
            edits.add(new TextEdit(n.start, n.end, "break " + blockLabel + " " + stateText));
            dynamics++;
        } else if (n.is("break_expression", "continue_expression") && !inLoop && n.childOfType("label") == null
                && !mergedContinues.contains(n)) {
            edits.add(TextEdit.insert(n.children().get(0).end, " " + loopLabel));
            loopLabelNeeded = true;
        }
        if (n.is("block")) {
            List<SyntaxNode> stmts = n.statements();
            for (int i = 0; i < stmts.size(); i++) {
                SyntaxNode s = stmts.get(i);
                SyntaxNode e = s.expression();
                if (!isTransition(e)) {
                    continue;
                }
                SyntaxNode next = i + 1 < stmts.size() ? stmts.get(i + 1).expression() : null;
                if (next != null && next.is("continue_expression") && targetsStateLoop(next, inLoop)) {
                    mergedContinues.add(next);
                    convert(e, s, stmts.get(i + 1), false);
                } else if (!inLoop && finals.contains(e)) {
                    convert(e, s, null, false);
                }
            }
        }
        if (n.is("match_arm") && !inLoop) {
            SyntaxNode v = n.field("value");
            if (v != null && isTransition(v) && finals.contains(v)) {
                convert(v, v, null, false);
            }
        }
        boolean childInLoop = inLoop || LOOPS.contains(n.type);
        for (SyntaxNode c : n.children()) {
            walkBlocks(c, childInLoop);
        }
    }

    private boolean targetsStateLoop(SyntaxNode jump, boolean inLoop) {
        SyntaxNode label = jump.childOfType("label");
        return label == null ? !inLoop : text(label).equals(loopLabel);
    }

    private boolean isTransition(SyntaxNode e) {
        return e.is("assignment_expression") && squash(text(e.field("left"))).equals(state);
    }

    /**
     * Turns {@code state = X} into {@code break 'next_state X}.
     *
     * @param assign   the assignment expression
     * @param stmt     its statement (the assignment itself when it is a tail or the arm value)
     * @param continue_ a continue statement right after it that the break replaces, or null
     * @param topArm   whether the assignment is the value of one of the state match's own arms
     */
    private void convert(SyntaxNode assign, SyntaxNode stmt, SyntaxNode continue_, boolean topArm) {
        SyntaxNode rhs = assign.field("right");
        boolean constant = isConstant(rhs);
        if (constant) {
            consts++;
        } else {
            dynamics++;
        }
        String target = constant || !field ? text(rhs) : stateText;
        String jump = (constant ? CONST_ATTR + " " : "") + "break " + blockLabel + " " + target + ";";
        converted.put(assign, constant);
        converted.put(stmt, constant);
        boolean armValue = stmt.parent != null && stmt.parent.is("match_arm");
        if (armValue) {
            String body = field ? text(assign) + "; " + jump : jump;
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
                int from = onlyWhitespace(stmt.end, continue_.start) ? stmt.end : continue_.start;
                edits.add(new TextEdit(from, continue_.end, ""));
            }
        }
    }

    /** A value rustc can resolve to an arm at compile time (shared/loop-match.md). */
    private boolean isConstant(SyntaxNode n) {
        if (n.is("integer_literal", "char_literal", "boolean_literal", "float_literal")) {
            return true;
        }
        if (n.is("unary_expression")) {
            List<SyntaxNode> c = n.codeChildren();
            return text(n).startsWith("-") && c.size() == 1 && c.get(0).is("integer_literal", "float_literal");
        }
        if (n.is("scoped_identifier")) {
            SyntaxNode name = n.field("name");
            return name != null && Character.isUpperCase(text(name).charAt(0)) && !has(n, "generic_type");
        }
        if (n.is("identifier")) {
            String name = text(n);
            // an uppercase name is a const item or a variant imported with `use`, unless a local binds it
            return Character.isUpperCase(name.charAt(0))
                    && !Pattern.compile("\\blet\\s+(mut\\s+)?" + Pattern.quote(name) + "\\b").matcher(scope).find();
        }
        return false;
    }

    /** Whether control can reach the end of {@code n} (after the conversions). Conservative: true if unsure. */
    private boolean mayComplete(SyntaxNode n) {
        if (converted.containsKey(n)) {
            return false;
        }
        switch (n.type) {
            case "expression_statement":
                return mayComplete(n.expression());
            case "block": {
                List<SyntaxNode> stmts = n.statements();
                return stmts.isEmpty() || mayComplete(stmts.get(stmts.size() - 1));
            }
            case "unsafe_block":
                return mayComplete(n.childOfType("block"));
            case "return_expression":
            case "break_expression":
            case "continue_expression":
                return false;
            case "if_expression": {
                SyntaxNode alt = n.field("alternative");
                if (alt == null) {
                    return true;
                }
                List<SyntaxNode> altCode = alt.codeChildren();
                return mayComplete(n.field("consequence")) || altCode.isEmpty() || mayComplete(altCode.get(0));
            }
            case "match_expression":
                return arms(n).stream().anyMatch(a -> mayComplete(a.field("value")));
            case "macro_invocation": {
                SyntaxNode m = n.field("macro");
                String name = m == null ? "" : text(m).replaceAll("^.*::", "");
                return !DIVERGING_MACROS.contains(name);
            }
            case "loop_expression":
                return WORD_BREAK.matcher(text(n)).find();
            default:
                return true;
        }
    }

    /** Makes a block that may fall through end with the state's value. */
    private void appendTail(SyntaxNode block, String tail) {
        List<SyntaxNode> stmts = block.statements();
        SyntaxNode close = block.children().get(block.children().size() - 1);
        if (!stmts.isEmpty()) {
            SyntaxNode last = stmts.get(stmts.size() - 1);
            boolean statement = last.is("expression_statement", "let_declaration")
                    || last.type.endsWith("_item") || BLOCK_LIKE.contains(last.type);
            if (!statement) {
                edits.add(TextEdit.insert(last.end, ";"));
            }
        }
        int lineStart = lineStart(close.start);
        if (onlyWhitespace(lineStart, close.start) && lineOf(block.start) != lineOf(close.start)) {
            String indent = stmts.isEmpty() ? indentAt(close.start) + "    "
                    : indentAt(stmts.get(stmts.size() - 1).start);
            edits.add(TextEdit.insert(lineStart, indent + tail + "\n"));
        } else {
            boolean space = close.start > 0 && src[close.start - 1] == ' ';
            edits.add(TextEdit.insert(close.start, (space ? "" : " ") + tail + " "));
        }
    }

    // ---- loop header ---------------------------------------------------------------------------------------

    private void planHeader() {
        SyntaxNode label = loop.childOfType("label");
        String head = "";
        if (field) {
            head += "let mut " + local + " = " + stateText + ";";
        }
        head += (head.isEmpty() ? "" : " ") + LOOP_ATTR;
        String labelText = label == null && loopLabelNeeded ? loopLabel + ": " : "";
        SyntaxNode p = loop.parent;
        boolean statementPosition = p != null && (p.is("block")
                || p.is("expression_statement") && p.start == loop.start && p.parent != null && p.parent.is("block"));
        boolean ownLine = onlyWhitespace(lineStart(loop.start), loop.start);
        if (statementPosition && ownLine) {
            String indent = indentAt(loop.start);
            String sep = "\n" + indent;
            edits.add(TextEdit.insert(loop.start, head.replace("; #", ";" + sep + "#") + sep + labelText));
        } else if (statementPosition) {
            edits.add(TextEdit.insert(loop.start, head + " " + labelText));
        } else {
            // in expression position an attribute needs stmt_expr_attributes: make the loop a block's tail
            edits.add(TextEdit.insert(loop.start, "{ " + head + " " + labelText));
            edits.add(TextEdit.insert(loop.end, " }"));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private interface Visitor {
        void visit(SyntaxNode n, boolean inLoop);
    }

    private void walk(SyntaxNode n, boolean inLoop, Visitor v) {
        v.visit(n, inLoop);
        if (BARRIERS.contains(n.type)) {
            return;
        }
        for (SyntaxNode c : n.children()) {
            walk(c, inLoop || LOOPS.contains(n.type) && n != loop, v);
        }
    }

    private boolean precededByLoopMatchAttribute() {
        SyntaxNode stmt = loop.parent != null && loop.parent.is("expression_statement") ? loop.parent : loop;
        SyntaxNode block = stmt.parent;
        if (block == null) {
            return false;
        }
        List<SyntaxNode> kids = block.codeChildren();
        int i = kids.indexOf(stmt);
        return i > 0 && kids.get(i - 1).is("attribute_item") && text(kids.get(i - 1)).contains("loop_match");
    }

    /** A label or local name not used anywhere in the enclosing function. */
    private String fresh(String base) {
        // a name after '.' is a field or method, which a local of that name does not shadow
        // comments do not bind names either
        String code = withoutCommentsAndStrings(scope);
        Set<String> used = words(code.replaceAll("\\.\\s*[A-Za-z_][A-Za-z0-9_]*", "."));
        String name = base;
        for (int i = 2; used.contains(name) || scope.contains("'" + name); i++) {
            name = base + i;
        }
        boolean isLabel = base.equals("next_state") || base.equals("state_loop");
        return isLabel ? "'" + name : name;
    }

    private static String withoutCommentsAndStrings(String s) {
        return s.replaceAll("//[^\\n]*", "").replaceAll("(?s)/\\*.*?\\*/", "")
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    }

    private static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        Matcher m = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*").matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static boolean has(SyntaxNode n, String type) {
        for (SyntaxNode d : n.descendants()) {
            if (d.type.equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static SyntaxNode lastNamed(SyntaxNode n) {
        List<SyntaxNode> c = n.codeChildren();
        return c.isEmpty() ? null : c.get(c.size() - 1);
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    private String text(SyntaxNode n) {
        return new String(src, n.start, n.end - n.start, StandardCharsets.UTF_8);
    }

    private boolean onlyWhitespace(int from, int to) {
        for (int i = from; i < to; i++) {
            if (src[i] != ' ' && src[i] != '\t' && src[i] != '\n' && src[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private int lineStart(int offset) {
        int i = offset;
        while (i > 0 && src[i - 1] != '\n') {
            i--;
        }
        return i;
    }

    private String indentAt(int offset) {
        int s = lineStart(offset);
        int i = s;
        while (i < src.length && (src[i] == ' ' || src[i] == '\t')) {
            i++;
        }
        return new String(src, s, i - s, StandardCharsets.UTF_8);
    }

    private int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < src.length; i++) {
            if (src[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
