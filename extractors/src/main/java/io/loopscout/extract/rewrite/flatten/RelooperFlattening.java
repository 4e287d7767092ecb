package io.loopscout.extract.rewrite.flatten;

import io.loopscout.extract.parse.SyntaxNode;
import io.loopscout.extract.rewrite.Completion;
import io.loopscout.extract.rewrite.TextEdit;
import io.loopscout.extract.rewrite.flatten.Chain.Arm;
import io.loopscout.extract.rewrite.flatten.Chain.MatchBlock;
import io.loopscout.extract.rewrite.flatten.Chain.PlainRun;
import io.loopscout.extract.rewrite.flatten.Chain.Sequence;
import io.loopscout.extract.rewrite.flatten.StateTable.Position;
import io.loopscout.extract.rewrite.flatten.StateTable.State;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relooper flattening: a loop whose body is a chain of {@code match current_block { .. }} blocks (c2rust's
 * output, hand ports of it), with nested {@code loop { match current_block {..} }} blocks and the chain of such
 * matches right before the loop, becomes one loop with one match on a fresh dense state, the shape the
 * {@code #[loop_match]} emission takes:
 * <pre>
 * let mut state: u8 = match current_block { K1 =&gt; 0, .. };   // resuming is one jump
 * 'c_8765: loop {
 *     match state {
 *         0 =&gt; { ..arm..; current_block = K; state = 3; continue 'c_8765; }
 *         ..
 *     }
 * }
 * </pre>
 * States are (block, non-empty arm) and plain statement runs ({@link StateTable}). Every write of
 * {@code current_block} stays (a dead store LLVM drops), so a dynamic dispatch on it is always right; a write
 * followed by the end of its arm, a {@code continue}, or a {@code break} of a flattened inner loop becomes a
 * transition to the constant state that handles that value next.
 */
public final class RelooperFlattening {

    private static final Set<String> LOCAL_LOOPS = Set.of("loop_expression", "while_expression", "for_expression");
    private static final Set<String> BARRIERS = Set.of("closure_expression", "function_item", "async_block",
            "const_item", "static_item", "impl_item", "trait_item", "mod_item", "const_block");
    private static final Set<String> BLOCK_LIKE = Set.of("if_expression", "match_expression", "loop_expression",
            "while_expression", "for_expression", "block", "unsafe_block");
    private static final Pattern KEY = Pattern.compile("-?[0-9][0-9A-Za-z_]*|(?:[A-Za-z_][A-Za-z0-9_]*::)*[A-Z][A-Za-z0-9_]*");

    /** What flattening does to one loop. */
    public sealed interface Outcome permits Flattened, NotFlattened {
    }

    /**
     * The loop flattened.
     *
     * @param edits        the entry (replacing the resume chain, or inserted before the loop) and the new loop
     * @param startLine    first line replaced (the prefix's first match, or the loop)
     * @param states       states of the flattened match
     * @param constJumps   transitions resolved to a constant state ({@code #[const_continue]})
     * @param dynamicJumps transitions dispatched on the old variable at run time
     * @param prefixBlocks matches of the resume chain joined into the loop
     */
    public record Flattened(List<TextEdit> edits, int startLine, int states, int constJumps, int dynamicJumps,
                            int prefixBlocks) implements Outcome {
    }

    /** The loop is left alone by this normalisation, with the reason id and a sentence. */
    public record NotFlattened(String reason, String detail) implements Outcome {
    }

    private final byte[] src;
    private final SyntaxNode loop;
    private final String scope;
    private final List<TextEdit> edits = new ArrayList<>();
    private final Set<SyntaxNode> converted = Collections.newSetFromMap(new IdentityHashMap<>());
    private Chain chain;
    private StateTable table;
    private String stateVar;
    private String loopLabel;
    private int consts;
    private int dynamics;

    private RelooperFlattening(byte[] src, SyntaxNode loop, String scope) {
        this.src = src;
        this.loop = loop;
        this.scope = scope;
    }

    /**
     * Whether {@code loop} is a relooper chain: more than one match on the variable in its body and nested
     * loops, or one and a resume chain before the loop (one match with statements around it and nothing before
     * is the other normalisations' job).
     *
     * @param variable the dispatch variable named by the finding, or null to take the first match's
     */
    public static boolean applies(SyntaxNode loop, String variable) {
        if (!loop.is("loop_expression")) {
            return false;
        }
        String var = variable == null || variable.isBlank() ? ChainReader.firstScrutinee(loop.child("body")) : variable;
        if (var == null) {
            return false;
        }
        int inBody = stateMatches(loop.child("body"), var.strip());
        return inBody > 1 || inBody == 1 && new ChainReader(var.strip()).precedingMatches(loop).size() > 0;
    }

    /** Matches on {@code var} among the statements of {@code block} and of loops among them. */
    private static int stateMatches(SyntaxNode block, String var) {
        int n = 0;
        for (SyntaxNode s : block.statements()) {
            SyntaxNode e = s.expression();
            if (e.is("match_expression") && e.child("value").text().equals(var)) {
                n++;
            } else if (e.is("loop_expression")) {
                n += stateMatches(e.child("body"), var);
            }
        }
        return n;
    }

    /**
     * Flattens {@code loop}.
     *
     * @param src      the file's UTF-8 bytes
     * @param loop     the loop node (a copy of its enclosing function, so parents are known)
     * @param scope    the enclosing function's text (for fresh names)
     * @param variable the dispatch variable, or null
     */
    public static Outcome flatten(byte[] src, SyntaxNode loop, String scope, String variable) {
        RelooperFlattening f = new RelooperFlattening(src, loop, scope);
        try {
            return f.run(variable);
        } catch (ChainReader.NotAChain e) {
            return new NotFlattened(e.reason, e.getMessage());
        }
    }

    private Outcome run(String variable) {
        if (has(loop, "ERROR") || has(loop, "MISSING")) {
            return new NotFlattened("parse-errors", "the loop does not parse cleanly");
        }
        chain = ChainReader.read(loop, variable);
        table = new StateTable(chain);
        stateVar = fresh("state", false);
        SyntaxNode label = loop.childOfType("label");
        loopLabel = label != null ? label.text() : fresh("state_loop", true);
        String indent = indentAt(regionStart());
        List<String> arms = new ArrayList<>();
        for (State st : table.states()) {
            arms.add(stateArm(st, indent + "        "));
        }
        StateTable.Dispatch entry = table.dispatch(table.entry(), chain.variable);
        if (!entry.constant()) {
            dynamics++;
        }
        if (table.idle() != null) {
            arms.add(indent + "        " + table.idle() + " => loop {}"); // no value reaches a state: spin as before
        }
        // the last state is `_`: the match is exhaustive without an arm no value reaches
        String last = arms.remove(arms.size() - 1);
        arms.add(last.replaceFirst("^(\\s*)\\d+ =>", "$1_ =>"));
        String type = table.size() <= 256 ? "u8" : table.size() <= 65536 ? "u16" : "u32";
        StringBuilder out = new StringBuilder();
        out.append(loopLabel).append(": loop {\n");
        out.append(indent).append("    match ").append(stateVar).append(" {\n");
        for (String a : arms) {
            out.append(a).append('\n');
        }
        out.append(indent).append("    }\n");
        out.append(indent).append('}');
        String entryText = "let mut " + stateVar + ": " + type + " = " + entry.text() + ";\n" + indent;
        if (consts == 0) {
            return new NotFlattened("no-constant-transitions", "no transition resolves to a constant state");
        }
        // two edits: the loop keeps its first byte's place in the edit order (the planner re-finds it there)
        List<TextEdit> result = List.of(new TextEdit(regionStart(), loop.start, entryText),
                new TextEdit(loop.start, loop.end, out.toString()));
        return new Flattened(result, lineOf(regionStart()), table.size(), consts, dynamics,
                chain.prefix.elements.size());
    }

    private int regionStart() {
        if (chain.prefix.elements.isEmpty()) {
            return loop.start;
        }
        SyntaxNode m = ((MatchBlock) chain.prefix.elements.get(0)).match();
        return m.parent != null && m.parent.is("expression_statement") ? m.parent.start : m.start;
    }

    // ---- one state -----------------------------------------------------------------------------------------

    private String stateArm(State st, String indent) {
        edits.clear();
        Position next = StateTable.next(st.at().sequence(), st.at().index());
        String body;
        if (st.arm() != null) {
            SyntaxNode value = st.arm().value();
            walkJumps(value, st.at().sequence(), new ArrayList<>());
            markFinal(value, next);
            String tail = tail(value, next);
            if (value.is("block")) {
                SyntaxNode close = value.children().get(value.children().size() - 1);
                terminate(value.statements(), tail);
                if (!tail.isEmpty()) {
                    appendTail(value, close, tail);
                }
                body = slice(value.start, value.end, indentAt(st.arm().node().start), indent);
            } else {
                body = "{ " + slice(value.start, value.end, "", "") + (tail.isEmpty() ? "" : "; " + tail) + " }";
            }
        } else {
            List<SyntaxNode> stmts = ((PlainRun) st.element()).statements();
            for (SyntaxNode s : stmts) {
                walkJumps(s, st.at().sequence(), new ArrayList<>());
            }
            SyntaxNode lastStmt = stmts.get(stmts.size() - 1);
            markFinal(lastStmt, next);
            String tail = mayComplete(lastStmt) ? tail(null, next) : "";
            terminate(stmts, tail);
            SyntaxNode first = stmts.get(0);
            String inner = slice(first.start, lastStmt.end, indentAt(first.start), indent + "    ");
            body = "{\n" + indent + "    " + inner + (tail.isEmpty() ? "" : "\n" + indent + "    " + tail) + "\n"
                    + indent + "}";
        }
        return indent + st.id() + " => " + body;
    }

    /** The jump appended at the end of a state whose code may complete, or "". */
    private String tail(SyntaxNode value, Position next) {
        if (value != null && !mayComplete(value)) {
            return "";
        }
        return jump(table.dispatch(next, chain.variable), true);
    }

    /**
     * {@code state = X; continue 'loop;}: the loop's emission turns it into {@code break 'next_state X} (with
     * {@code #[const_continue]} when X is a constant).
     */
    private String jump(StateTable.Dispatch d, boolean statement) {
        if (d.constant()) {
            consts++;
        } else {
            dynamics++;
        }
        String b = stateVar + " = " + d.text() + "; continue " + loopLabel + ";";
        return statement ? b : "{ " + b + " }";
    }

    /** A tail expression followed by the appended jump needs its semicolon. */
    private void terminate(List<SyntaxNode> stmts, String tail) {
        if (tail.isEmpty() || stmts.isEmpty()) {
            return;
        }
        SyntaxNode last = stmts.get(stmts.size() - 1);
        boolean statement = last.is("expression_statement", "let_declaration") || last.type.endsWith("_item")
                || BLOCK_LIKE.contains(last.type);
        if (!statement) {
            edits.add(new TextEdit(last.end, last.end, ";"));
        }
    }

    // ---- jumps: continue / break of the flattened loops ----------------------------------------------------

    /**
     * Rewrites the {@code continue} and {@code break} of flattened loops below {@code n}.
     *
     * @param seq   the sequence the state belongs to
     * @param local loops inside the state's code enclosing {@code n} (their jumps stay)
     */
    private void walkJumps(SyntaxNode n, Sequence seq, List<SyntaxNode> local) {
        if (BARRIERS.contains(n.type) || converted.contains(n)) {
            return;
        }
        if (n.is("break_expression", "continue_expression")) {
            rewriteJump(n, seq, local);
        }
        boolean isLocal = LOCAL_LOOPS.contains(n.type);
        if (isLocal) {
            local.add(n);
        }
        for (SyntaxNode c : n.children()) {
            walkJumps(c, seq, local);
        }
        if (isLocal) {
            local.remove(local.size() - 1);
        }
    }

    private void rewriteJump(SyntaxNode n, Sequence seq, List<SyntaxNode> local) {
        SyntaxNode labelNode = n.childOfType("label");
        String label = labelNode == null ? null : labelNode.text();
        Sequence target = null;
        if (label == null) {
            if (!local.isEmpty()) {
                return;
            }
            target = seq.isLoop() ? seq : null;
            if (target == null) {
                throw new ChainReader.NotAChain("jump-outside-loop", "a jump at line " + n.startLine()
                        + " outside any loop");
            }
        } else {
            for (SyntaxNode l : local) {
                SyntaxNode ll = l.childOfType("label");
                if (ll != null && ll.text().equals(label)) {
                    return;
                }
            }
            for (Sequence s = seq; s != null; s = s.isLoop() && s != chain.body ? s.afterSequence : null) {
                if (s.isLoop() && label.equals(s.label)) {
                    target = s;
                    break;
                }
            }
            if (target == null) {
                return; // a labelled block or a loop outside the chain
            }
        }
        boolean isBreak = n.is("break_expression");
        if (isBreak && n.namedChildren().stream().anyMatch(c -> !c.is("label"))) {
            throw new ChainReader.NotAChain("break-with-value", "a break with a value at line " + n.startLine());
        }
        if (isBreak && target == chain.body) {
            if (label == null) {
                edits.add(new TextEdit(n.start, n.end, "break " + loopLabel));
            }
            return;
        }
        Position to = isBreak ? new Position(target.afterSequence, target.afterIndex) : new Position(target, 0);
        String key = precedingKey(n);
        StateTable.Dispatch d = key != null ? new StateTable.Dispatch(Integer.toString(table.resolve(to, key)), true)
                : table.dispatch(to, chain.variable);
        replaceWithJump(n, d);
    }

    private void replaceWithJump(SyntaxNode n, StateTable.Dispatch d) {
        boolean statement = n.parent != null && n.parent.is("expression_statement") && n.parent.parent != null
                && n.parent.parent.is("block");
        String j = jump(d, statement);
        if (statement) {
            j = j.substring(0, j.length() - 1); // the statement keeps its own ';'
        }
        edits.add(new TextEdit(n.start, n.end, j));
        converted.add(n);
    }

    /** K when the statement before {@code jump} in its block is {@code variable = K;}. */
    private String precedingKey(SyntaxNode jump) {
        SyntaxNode stmt = jump.parent != null && jump.parent.is("expression_statement") ? jump.parent : jump;
        SyntaxNode block = stmt.parent;
        if (block == null || !block.is("block")) {
            return null;
        }
        List<SyntaxNode> stmts = block.statements();
        int i = stmts.indexOf(stmt);
        return i > 0 ? assignedKey(stmts.get(i - 1).expression()) : null;
    }

    /** K when {@code e} is {@code variable = K} with a constant K, else null. */
    private String assignedKey(SyntaxNode e) {
        if (!e.is("assignment_expression")) {
            return null;
        }
        SyntaxNode left = e.child("left");
        SyntaxNode right = e.child("right");
        if (left == null || right == null || !left.text().equals(chain.variable)) {
            return null;
        }
        String k = right.text().replaceAll("\\s+", "");
        return KEY.matcher(k).matches() ? k : null;
    }

    // ---- final position: the state's code ends after it -----------------------------------------------------

    /** Turns writes of the variable after which the state's code ends into direct jumps to {@code next}. */
    private void markFinal(SyntaxNode n, Position next) {
        if (converted.contains(n)) {
            return;
        }
        switch (n.type) {
            case "expression_statement" -> {
                SyntaxNode e = n.expression();
                String key = assignedKey(e);
                if (key != null) {
                    edits.add(new TextEdit(n.end, n.end, " " + jump(constant(next, key), true)));
                    converted.add(n);
                    converted.add(e);
                } else {
                    markFinal(e, next);
                }
            }
            case "assignment_expression" -> {
                String key = assignedKey(n);
                if (key != null) { // a tail without ';'
                    edits.add(new TextEdit(n.end, n.end, "; " + jump(constant(next, key), true)));
                    converted.add(n);
                }
            }
            case "block" -> {
                List<SyntaxNode> stmts = n.statements();
                if (!stmts.isEmpty()) {
                    markFinal(stmts.get(stmts.size() - 1), next);
                }
            }
            case "unsafe_block" -> markFinal(n.childOfType("block"), next);
            case "if_expression" -> {
                markFinal(n.child("consequence"), next);
                SyntaxNode alt = n.child("alternative");
                if (alt != null) {
                    alt.namedChildren().forEach(c -> markFinal(c, next));
                }
            }
            case "match_expression" -> {
                boolean onVariable = n.child("value").text().equals(chain.variable);
                for (SyntaxNode arm : n.child("body").namedChildren()) {
                    if (!arm.is("match_arm")) {
                        continue;
                    }
                    SyntaxNode value = arm.child("value");
                    String key = onVariable ? singleKey(arm) : null;
                    if (key != null && value.is("block") && value.statements().isEmpty()) {
                        // `K => {}` on the variable: it holds K when the state's code ends here
                        edits.add(new TextEdit(value.start, value.end, "{ " + jump(constant(next, key), true) + " }"));
                        converted.add(value);
                    } else {
                        markFinal(value, next);
                    }
                }
            }
            case "loop_expression" -> finalLoopBreaks(n, next);
            default -> {
            }
        }
    }

    private StateTable.Dispatch constant(Position next, String key) {
        return new StateTable.Dispatch(Integer.toString(table.resolve(next, key)), true);
    }

    private String singleKey(SyntaxNode arm) {
        String p = arm.child("pattern").text().replaceAll("\\s+", "");
        return arm.child("pattern").child("condition") == null && KEY.matcher(p).matches() ? p : null;
    }

    /** In a local {@code loop} the state's code ends after: {@code variable = K; break;} jumps directly. */
    private void finalLoopBreaks(SyntaxNode theLoop, Position next) {
        SyntaxNode own = theLoop.childOfType("label");
        breaksOf(theLoop.child("body"), own == null ? null : own.text(), next, 0);
    }

    private void breaksOf(SyntaxNode n, String own, Position next, int depth) {
        if (BARRIERS.contains(n.type)) {
            return;
        }
        if (n.is("break_expression") && !converted.contains(n)
                && n.namedChildren().stream().allMatch(c -> c.is("label"))) {
            SyntaxNode l = n.childOfType("label");
            boolean ours = l == null ? depth == 0 : l.text().equals(own);
            String key = ours ? precedingKey(n) : null;
            if (key != null) {
                replaceWithJump(n, constant(next, key));
            }
        }
        for (SyntaxNode c : n.children()) {
            breaksOf(c, own, next, depth + (LOCAL_LOOPS.contains(c.type) ? 1 : 0));
        }
    }

    /** Puts the jump on its own line before the block's closing brace (or before it on the same line). */
    private void appendTail(SyntaxNode block, SyntaxNode close, String tail) {
        int lineStart = close.start;
        while (lineStart > 0 && src[lineStart - 1] != '\n') {
            lineStart--;
        }
        boolean ownLine = true;
        for (int i = lineStart; i < close.start; i++) {
            ownLine &= src[i] == ' ' || src[i] == '\t';
        }
        List<SyntaxNode> stmts = block.statements();
        if (ownLine && block.startLine() != close.startLine()) {
            String in = stmts.isEmpty() ? indentAt(close.start) + "    " : indentAt(stmts.get(stmts.size() - 1).start);
            edits.add(new TextEdit(lineStart, lineStart, in + tail + "\n"));
        } else {
            edits.add(new TextEdit(close.start, close.start, (src[close.start - 1] == ' ' ? "" : " ") + tail + " "));
        }
    }

    /**
     * Whether control can reach the end of {@code n} after the conversions: a converted jump never completes;
     * everything else is {@link Completion}'s judgement (label-aware on loops).
     */
    private boolean mayComplete(SyntaxNode n) {
        return !converted.contains(n) && Completion.mayComplete(n, this::mayComplete);
    }

    // ---- text ------------------------------------------------------------------------------------------------

    /** The source range with this state's edits, re-indented from {@code fromIndent} to {@code toIndent}. */
    private String slice(int from, int to, String fromIndent, String toIndent) {
        List<TextEdit> mine = new ArrayList<>();
        for (TextEdit e : edits) {
            if (e.start() >= from && e.end() <= to) {
                mine.add(new TextEdit(e.start() - from, e.end() - from, e.text()));
            }
        }
        byte[] part = java.util.Arrays.copyOfRange(src, from, to);
        String text = TextEdit.apply(part, mine);
        if (fromIndent.equals(toIndent) || multiLineLiteral(from, to)) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        StringBuilder b = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i];
            b.append('\n').append(l.startsWith(fromIndent) ? toIndent + l.substring(fromIndent.length()) : l);
        }
        return b.toString();
    }

    /** A string literal spanning lines would change if re-indented. */
    private boolean multiLineLiteral(int from, int to) {
        for (int i = from; i < to; i++) {
            if (src[i] == '"' || src[i] == '#') {
                return hasLiteralNewline(from, to);
            }
        }
        return false;
    }

    private boolean hasLiteralNewline(int from, int to) {
        for (SyntaxNode d : loop.descendants()) {
            if (d.start >= from && d.end <= to && d.is("string_literal", "raw_string_literal")
                    && d.text().indexOf('\n') >= 0) {
                return true;
            }
        }
        return false;
    }

    private String fresh(String base, boolean label) {
        String code = scope.replaceAll("//[^\\n]*", "").replaceAll("(?s)/\\*.*?\\*/", "")
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("\\.\\s*[A-Za-z_][A-Za-z0-9_]*", ".");
        Set<String> used = new HashSet<>();
        Matcher m = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*").matcher(code);
        while (m.find()) {
            used.add(m.group());
        }
        String name = base;
        for (int i = 2; used.contains(name) || scope.contains("'" + name); i++) {
            name = base + i;
        }
        return label ? "'" + name : name;
    }

    private static boolean has(SyntaxNode n, String type) {
        for (SyntaxNode d : n.descendants()) {
            if (d.type.equals(type)) {
                return true;
            }
        }
        return false;
    }

    private int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (src[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private String indentAt(int offset) {
        int s = offset;
        while (s > 0 && src[s - 1] != '\n') {
            s--;
        }
        int i = s;
        while (i < src.length && (src[i] == ' ' || src[i] == '\t')) {
            i++;
        }
        return new String(src, s, i - s, StandardCharsets.UTF_8);
    }
}
