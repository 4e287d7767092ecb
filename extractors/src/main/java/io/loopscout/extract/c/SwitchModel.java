package io.loopscout.extract.c;

import io.loopscout.extract.StateGraph;
import io.loopscout.extract.StateGraph.Edge;
import io.loopscout.extract.StateGraph.EdgeKind;
import io.loopscout.extract.c.FunctionFacts.Span;
import io.loopscout.extract.parse.Nodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * What one {@code switch} does, the input of every switch-based pattern: its arms (case groups), the loop
 * around it, transitions of its condition, fallthroughs, exits and case labels nested in inner statements.
 */
final class SwitchModel {

    private static final Pattern LVALUE = Pattern.compile(
            "\\**\\(*\\**[A-Za-z_]\\w*\\)*((->|\\.)[A-Za-z_]\\w*|\\[[A-Za-z_0-9]+\\])*");
    private static final Pattern NUMBER = Pattern.compile(
            "-?(0[xX][0-9a-fA-F]+|[0-9]+)[uUlL]*|'(\\\\.|[^'\\\\])+'|true|false");
    private static final Pattern ALL_CAPS = Pattern.compile("[A-Z_][A-Z0-9_]*");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_]\\w*");
    private static final Pattern CAST = Pattern.compile("^\\((?:const)?[A-Za-z_][\\w]*\\**\\)(?=.)");
    private static final Set<String> NORETURN = Set.of("abort", "exit", "_exit", "longjmp", "siglongjmp",
            "__builtin_unreachable", "__builtin_trap", "unreachable", MacroExpander.COMPUTED_GOTO);
    /**
     * Nodes a case label may stand in and still be a plain case: preprocessor branches, error nodes, and a goto
     * label on the case itself (curl's {@code MQTT_SUBACK_COMING: case MQTT_SUBACK_COMING:}, a jump target).
     */
    private static final Set<String> TRANSPARENT = Set.of("preproc_if", "preproc_ifdef", "preproc_else",
            "preproc_elif", "preproc_elifdef", "ERROR", "labeled_statement");
    private static final Set<String> DEEP = Set.of("for_statement", "while_statement", "do_statement",
            "if_statement", "else_clause");
    private static final int MAX_DEPTH = 200;

    /** One case group. */
    record Arm(String label, List<Span> cases, int start, int end, TSNode last) {
    }

    final FunctionFacts fn;
    final Span sw;
    final Span loop;
    final String stateVar;
    final boolean lvalue;
    final List<Span> ownCases = new ArrayList<>();
    final List<Arm> arms = new ArrayList<>();
    final List<Edge> edges = new ArrayList<>();
    int constTransitions;
    int dynamicTransitions;
    int fallthroughs;
    int exits;
    int nestedCases;
    int deepNestedCases;
    private boolean fetched;

    private int[] labelStarts = new int[0];
    private int[] labelArm = new int[0];
    private final Map<String, Integer> armOfValue = new HashMap<>();
    private int defaultArm = -1;

    SwitchModel(FunctionFacts fn, Span sw, Set<String> constants) {
        this(fn, sw, constants, MacroTable.empty());
    }

    /** The model of {@code sw}; {@code macros} tells which invocations in the loop store into the variable. */
    SwitchModel(FunctionFacts fn, Span sw, Set<String> constants, MacroTable macros) {
        this.fn = fn;
        this.sw = sw;
        this.loop = FunctionFacts.innermost(fn.loops, sw);
        String cond = strip(fn.compact(sw.a()));
        this.stateVar = cond;
        this.lvalue = LVALUE.matcher(cond).matches();
        for (Span c : fn.cases) {
            if (sw.contains(c) && FunctionFacts.innermost(fn.switches, c) == sw) {
                ownCases.add(c);
            }
        }
        buildArms();
        countNesting();
        countFallthroughs();
        fetched = computeFetched(constants, macros);
        // Stores into a value fetched afresh each round (SQLite rewriting pOp->opcode) steer nothing.
        if (!fetched) {
            countTransitions(constants);
        }
        countExits();
    }

    /** The region transitions and exits are counted in: the loop, or the switch when it is not in one. */
    Span region() {
        return loop != null ? loop : sw;
    }

    /** The number of case labels (not arms). */
    int labels() {
        return ownCases.size();
    }

    StateGraph graph() {
        return new StateGraph(arms.stream().map(Arm::label).toList(), edges);
    }

    /**
     * True when the condition is fetched from data each iteration: not a plain lvalue ({@code *pc++},
     * {@code code[i]}, {@code op = next()}); a field or dereference whose base the loop moves outside the switch
     * ({@code pOp->opcode} with {@code pOp++} in the loop header); or a variable the loop reloads outside the
     * switch with a computed value ({@code op = code[pc++]}). A constant stored outside the switch is a
     * transition, not a fetch.
     */
    boolean fetchedEachIteration() {
        return fetched;
    }

    private boolean computeFetched(Set<String> constants, MacroTable macros) {
        if (loop == null) {
            return false;
        }
        if (!lvalue) {
            // switch (i++): a loop counter, not data (see counter below)
            return !COUNTER_STEP.matcher(stateVar).matches();
        }
        java.util.regex.Matcher m = IDENT.matcher(stateVar);
        if (!m.find()) {
            return false;
        }
        String base = m.group();
        boolean plainVariable = base.equals(stateVar);
        // A plain variable the loop only steps (i++, i += 2) is a counter: switch (i) in for (i = 0; ..; i++)
        // runs a fixed sequence of cases (nginx's phase handlers, redis-cli's switch (i++) over the fields of a
        // line); it neither dispatches on data nor makes transitions.
        boolean counter = false;
        // A plain variable stored inside the switch is making transitions; a moved base pointer
        // (p++ inside a case of switch (p->opcode)) is fetching the next instruction wherever it moves.
        for (Span a : fn.assigns) {
            if (loop.contains(a) && (!plainVariable || !sw.contains(a)) && fn.compact(a.a()).equals(base)
                    && !(plainVariable && isPlainAssignment(a) && isConstant(strip(fn.compact(a.b())), constants))) {
                if (plainVariable && isStep(a, constants) && FunctionFacts.innermost(fn.loops, a) == loop) {
                    counter = true;
                    continue;
                }
                return true;
            }
        }
        // Declared inside the loop: a fresh value each round, whatever it starts as.
        for (Span d : fn.inits) {
            // a pointer declared in the loop (MD_MARK *mark = &marks[i]) is a declarator "*mark"
            if (loop.contains(d) && (!plainVariable || !sw.contains(d))
                    && stripStars(fn.compact(d.a())).equals(base)) {
                return true;
            }
        }
        for (Span u : fn.updates) {
            if (loop.contains(u) && (!plainVariable || !sw.contains(u)) && strip(fn.compact(u.a())).equals(base)) {
                // stepped by this loop: a counter; by an inner loop: a search computing the value from data
                if (plainVariable && FunctionFacts.innermost(fn.loops, u) == loop) {
                    counter = true;
                    continue;
                }
                return true;
            }
        }
        return !counter && plainVariable && !macros.isEmpty() && (loadedByMacro(loop.start(), sw.start(), macros)
                || loadedByMacro(sw.end(), loop.end(), macros));
    }

    private static final Pattern MACRO_CALL = Pattern.compile("\\b([A-Z_][A-Z0-9_]*)\\s*\\(");

    /**
     * True when bytes {@code [from, to)} of the loop (outside the switch) invoke a function-like macro that stores
     * into the state variable passed to it: pcre2's {@code GETCHARINCTEST(c, ptr);} reads the next character
     * into {@code c} before {@code switch (c)}. Such macros are not expanded (no control flow), so no assignment
     * shows in the tree; without this the switch would look like a state loop on its own constants.
     */
    private boolean loadedByMacro(int from, int to, MacroTable macros) {
        if (to <= from) {
            return false;
        }
        String text = new String(fn.source.bytes(), from, to - from, java.nio.charset.StandardCharsets.UTF_8);
        if (!text.contains(stateVar)) {
            return false;
        }
        java.util.regex.Matcher call = MACRO_CALL.matcher(text);
        while (call.find()) {
            MacroExpander.Args args = MacroExpander.Args.read(text, call.end() - 1);
            if (args == null) {
                continue;
            }
            for (int i = 0; i < args.values().size(); i++) {
                if (args.values().get(i).equals(stateVar) && macros.assignsArgument(call.group(1), i)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void buildArms() {
        List<Span> group = new ArrayList<>();
        for (int k = 0; k < ownCases.size(); k++) {
            Span c = ownCases.get(k);
            group.add(c);
            int nextStart = k + 1 < ownCases.size() ? ownCases.get(k + 1).start() : sw.end();
            TSNode last = armEnd(c, nextStart);
            if (last == null && k + 1 < ownCases.size()) {
                continue;
            }
            StringBuilder label = new StringBuilder();
            for (Span g : group) {
                if (label.length() > 0) {
                    label.append(' ');
                }
                label.append(g.a() == null ? "default:" : "case " + fn.compact(g.a()) + ":");
            }
            int index = arms.size();
            for (Span g : group) {
                if (g.a() == null) {
                    defaultArm = index;
                } else {
                    armOfValue.putIfAbsent(strip(fn.compact(g.a())), index);
                }
            }
            arms.add(new Arm(label.toString(), List.copyOf(group), group.get(0).start(), nextStart, last));
            group.clear();
        }
        int[] starts = new int[ownCases.size()];
        int[] armIndex = new int[ownCases.size()];
        int arm = 0;
        for (int k = 0; k < ownCases.size(); k++) {
            starts[k] = ownCases.get(k).start();
            armIndex[k] = arm;
            if (arm < arms.size() && arms.get(arm).cases().get(arms.get(arm).cases().size() - 1) == ownCases.get(k)) {
                arm++;
            }
        }
        this.labelStarts = starts;
        this.labelArm = armIndex;
    }

    /**
     * The last statement control reaches in a case before the next label: the case's own last statement, or,
     * when tree-sitter put the body beside the label (an {@code #ifdef} right after {@code case x:}), the last
     * sibling before the next label. Null when the case is empty (grouped with the next one).
     */
    private TSNode armEnd(Span c, int nextStart) {
        TSNode dead = deadIfAround(c.node());
        if (dead != null) {
            // control leaves the dead block where the case holding it goes on: at that case's end
            TSNode holder = Nodes.parent(dead);
            if (holder != null && !Nodes.isNull(holder) && Nodes.type(holder).equals("case_statement")) {
                TSNode end = lastStatement(holder);
                if (end != null) {
                    return end;
                }
            }
        }
        TSNode own = lastStatement(c.node());
        if (own != null) {
            return own;
        }
        TSNode last = null;
        TSNode sib = Nodes.nextNamedSibling(c.node());
        int guard = 0;
        while (sib != null && !Nodes.isNull(sib) && guard++ < 10_000) {
            if (Nodes.start(sib) >= nextStart || Nodes.type(sib).equals("case_statement")) {
                break;
            }
            if (!Nodes.type(sib).equals("comment")) {
                last = sib;
            }
            sib = Nodes.nextNamedSibling(sib);
        }
        return last;
    }

    /**
     * Case labels of this switch that stand inside an inner statement rather than directly in its body; those
     * inside a loop or an {@code if} (Duff's device, protothreads) count as deeply nested, those only inside a
     * block (SQLite's {@code case A: { ... case B: ... }}, a shared entry) do not.
     */
    private void countNesting() {
        TSNode body = sw.b();
        if (body == null) {
            return;
        }
        int bodyStart = Nodes.start(body);
        int bodyEnd = Nodes.end(body);
        for (Span c : ownCases) {
            TSNode p = Nodes.parent(c.node());
            boolean nested = false;
            boolean deep = false;
            int guard = 0;
            TSNode from = c.node();
            while (p != null && !Nodes.isNull(p) && guard++ < MAX_DEPTH
                    && !(Nodes.start(p) == bodyStart && Nodes.end(p) == bodyEnd)) {
                String type = Nodes.type(p);
                // if (0) { case X: .. } and the case holding it stand for a plain case (see isDeadIf)
                boolean deadBlock = isDeadIf(p) || type.equals("compound_statement") && isDeadIf(Nodes.parent(p))
                        || type.equals("case_statement") && isDeadIf(from);
                if (!TRANSPARENT.contains(type) && !deadBlock) {
                    nested = true;
                    deep |= DEEP.contains(type);
                }
                from = p;
                p = Nodes.parent(p);
            }
            if (nested) {
                nestedCases++;
            }
            if (deep) {
                deepNestedCases++;
            }
        }
    }

    /**
     * True for {@code if (0)}: its body runs only when entered through a label in it. LuaJIT's
     * {@code if (0) { case IR_CNEW: .. }} gives one case code the case before falls past; a label there is a
     * plain case of the switch, not a coroutine's resume point.
     */
    private boolean isDeadIf(TSNode n) {
        if (n == null || Nodes.isNull(n) || !Nodes.type(n).equals("if_statement")) {
            return false;
        }
        TSNode cond = Nodes.field(n, "condition");
        if (cond == null || Nodes.isNull(cond)) {
            return false;
        }
        String c = strip(fn.compact(cond));
        return c.equals("0") || c.equals("false") || c.equals("0U") || c.equals("0u");
    }

    /** The {@code if (0)} whose block holds case label {@code caseNode} directly, or null. */
    private TSNode deadIfAround(TSNode caseNode) {
        TSNode block = Nodes.parent(caseNode);
        if (block == null || Nodes.isNull(block) || !Nodes.type(block).equals("compound_statement")) {
            return null;
        }
        TSNode owner = Nodes.parent(block);
        return isDeadIf(owner) ? owner : null;
    }

    /** True when the labels make this switch a resumable coroutine rather than a loop's dispatch. */
    boolean coroutine() {
        return deepNestedCases > 0 || (nestedCases > 0 && loop == null);
    }

    private void countFallthroughs() {
        for (int i = 0; i + 1 < arms.size(); i++) {
            Arm arm = arms.get(i);
            TSNode stmt = arm.last();
            if (stmt == null) {
                continue;
            }
            // A next label nested inside this case (Duff's device) is reached by running on: a fallthrough.
            Span lastCase = arm.cases().get(arm.cases().size() - 1);
            boolean nestedNext = arms.get(i + 1).start() < lastCase.end()
                    && deadIfAround(arms.get(i + 1).cases().get(0).node()) == null;
            if (nestedNext || !endsInJump(stmt, 0)) {
                fallthroughs++;
                edges.add(new Edge(i, i + 1, EdgeKind.FALLTHROUGH));
            }
        }
    }

    private void countTransitions(Set<String> constants) {
        Span region = region();
        Set<String> places = placesOfState();
        boolean localState = loop != null && IDENT.matcher(stateVar).matches();
        for (Span a : fn.assigns) {
            if (!region.contains(a) || !places.contains(strip(fn.compact(a.a())))) {
                continue;
            }
            if (localState && handsOutOfLoop(a)) {
                continue;
            }
            int arm = armAt(a);
            String rhs = strip(fn.compact(a.b()));
            boolean plain = isPlainAssignment(a);
            if (plain && isConstant(rhs, constants)) {
                constTransitions++;
                if (arm >= 0) {
                    Integer target = armOfValue.get(rhs);
                    edges.add(new Edge(arm, target != null ? target : defaultArm, EdgeKind.CONSTANT));
                }
            } else {
                dynamicTransitions++;
                if (arm >= 0) {
                    edges.add(new Edge(arm, -1, EdgeKind.DYNAMIC));
                }
            }
        }
        for (Span u : fn.updates) {
            if (region.contains(u) && places.contains(strip(fn.compact(u.a())))) {
                dynamicTransitions++;
                int arm = armAt(u);
                if (arm >= 0) {
                    edges.add(new Edge(arm, -1, EdgeKind.DYNAMIC));
                }
            }
        }
    }

    /**
     * True when the statement right after assignment {@code a} leaves the loop (a {@code return}, a {@code goto}
     * to a label outside it, a {@code break} of the loop itself). A local variable stored just before leaving
     * is a result the loop hands out (pcre2's {@code RRETURN(MATCH_NOMATCH)}: {@code rrc = ..; goto
     * RETURN_SWITCH;}), never read by the switch again: not a transition. A field keeps the value for the next
     * call, which resumes there (zlib's {@code state->mode = X; goto inf_leave;}), so this applies to locals only.
     */
    private boolean handsOutOfLoop(Span a) {
        TSNode stmt = Nodes.parent(a.node());
        if (stmt == null || Nodes.isNull(stmt) || !Nodes.type(stmt).equals("expression_statement")) {
            return false;
        }
        TSNode next = Nodes.nextNamedSibling(stmt);
        while (next != null && !Nodes.isNull(next) && Nodes.type(next).equals("comment")) {
            next = Nodes.nextNamedSibling(next);
        }
        if (next == null || Nodes.isNull(next)) {
            return false;
        }
        int at = Nodes.start(next);
        switch (Nodes.type(next)) {
            case "return_statement" -> {
                return true;
            }
            case "goto_statement" -> {
                for (Span g : fn.gotos) {
                    if (g.start() == at) {
                        Span target = fn.label(fn.text(g.a()));
                        return target == null || !loop.contains(target) && target.start() != loop.start();
                    }
                }
                return false;
            }
            case "break_statement" -> {
                List<Span> breakable = new ArrayList<>(fn.loops);
                breakable.addAll(fn.switches);
                breakable.sort((x, y) -> x.start() != y.start() ? Integer.compare(x.start(), y.start())
                        : Integer.compare(y.end(), x.end()));
                for (Span b : fn.breaks) {
                    if (b.start() == at) {
                        return FunctionFacts.innermost(breakable, b) == loop;
                    }
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private void countExits() {
        Span region = region();
        List<Span> exitSpans = new ArrayList<>();
        for (Span r : fn.returns) {
            if (region.contains(r)) {
                exitSpans.add(r);
            }
        }
        for (Span g : fn.gotos) {
            if (region.contains(g)) {
                Span target = fn.label(fn.text(g.a()));
                // a goto back to the label a loop starts at (label: switch ..) stays in the loop
                if (target == null || !region.contains(target) && target.start() != region.start()) {
                    exitSpans.add(g);
                }
            }
        }
        if (loop != null) {
            List<Span> breakable = new ArrayList<>(fn.loops);
            breakable.addAll(fn.switches);
            breakable.sort((x, y) -> x.start() != y.start() ? Integer.compare(x.start(), y.start())
                    : Integer.compare(y.end(), x.end()));
            for (Span b : fn.breaks) {
                if (loop.contains(b) && FunctionFacts.innermost(breakable, b) == loop) {
                    exitSpans.add(b);
                }
            }
        }
        exitSpans.sort((x, y) -> Integer.compare(x.start(), y.start()));
        for (Span e : exitSpans) {
            exits++;
            int arm = armAt(e);
            if (arm >= 0) {
                edges.add(new Edge(arm, -1, EdgeKind.EXIT));
            }
        }
    }

    /** The arm of the last label of this switch before {@code s} (in its body); -1 outside every arm. */
    private int armAt(Span s) {
        if (!sw.contains(s) || labelStarts.length == 0) {
            return -1;
        }
        int i = java.util.Arrays.binarySearch(labelStarts, s.start());
        if (i < 0) {
            i = -i - 2;
        }
        return i < 0 ? -1 : labelArm[i];
    }

    private static final Pattern COUNTER_STEP = Pattern.compile("(\\+\\+|--)[A-Za-z_]\\w*|[A-Za-z_]\\w*(\\+\\+|--)");

    /**
     * True for a compound assignment with a constant ({@code i += K}, {@code rc &= 0xff}): the variable is
     * stepped arithmetically, not loaded from data (SQLite's {@code sqlite3ErrName} looks a code up twice,
     * {@code rc &= 0xff} the second time).
     */
    private boolean isStep(Span a, Set<String> constants) {
        int opStart = Nodes.end(a.a());
        int opEnd = Nodes.start(a.b());
        String op = new String(fn.source.bytes(), opStart, Math.max(0, opEnd - opStart),
                java.nio.charset.StandardCharsets.UTF_8).strip();
        return op.length() >= 2 && op.endsWith("=") && !op.equals("==")
                && isConstant(strip(fn.compact(a.b())), constants);
    }

    private boolean isPlainAssignment(Span a) {
        int opStart = Nodes.end(a.a());
        int opEnd = Nodes.start(a.b());
        String op = new String(fn.source.bytes(), opStart, Math.max(0, opEnd - opStart),
                java.nio.charset.StandardCharsets.UTF_8).strip();
        return op.equals("=");
    }

    /** A literal, an enumerator, an object-like macro, an ALL_CAPS name or a value this switch has a case for. */
    private boolean isConstant(String rhs, Set<String> constants) {
        String v = rhs;
        java.util.regex.Matcher cast = CAST.matcher(v);
        if (cast.find()) {
            v = strip(v.substring(cast.end()));
        }
        return NUMBER.matcher(v).matches() || armOfValue.containsKey(v) || constants.contains(v)
                || ALL_CAPS.matcher(v).matches();
    }

    /** The last statement of a case (comments skipped), or null when the case has none. */
    static TSNode lastStatement(TSNode caseNode) {
        int n = Nodes.namedChildCount(caseNode);
        TSNode value = Nodes.field(caseNode, "value");
        int valueEnd = value == null || Nodes.isNull(value) ? -1 : Nodes.end(value);
        for (int i = n - 1; i >= 0; i--) {
            TSNode child = Nodes.namedChild(caseNode, i);
            if (Nodes.start(child) <= valueEnd) {
                return null;
            }
            if (!Nodes.type(child).equals("comment")) {
                return child;
            }
        }
        return null;
    }

    /** True when control cannot run off the end of {@code stmt}: it ends in break, return, goto, continue. */
    boolean endsInJump(TSNode stmt, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        switch (Nodes.type(stmt)) {
            case "break_statement", "continue_statement", "return_statement", "goto_statement" -> {
                return true;
            }
            case "compound_statement" -> {
                TSNode last = lastNamedNonComment(stmt);
                return last != null && endsInJump(last, depth + 1);
            }
            case "labeled_statement", "else_clause" -> {
                TSNode last = lastNamedNonComment(stmt);
                return last != null && endsInJump(last, depth + 1);
            }
            case "if_statement" -> {
                TSNode alt = Nodes.field(stmt, "alternative");
                TSNode cons = Nodes.field(stmt, "consequence");
                return alt != null && !Nodes.isNull(alt) && cons != null && !Nodes.isNull(cons)
                        && endsInJump(cons, depth + 1) && endsInJump(alt, depth + 1);
            }
            case "switch_statement" -> {
                return cannotComplete(stmt, depth);
            }
            case "do_statement" -> {
                // do { ...; return x; } while (0): the macro idiom.
                TSNode body = Nodes.field(stmt, "body");
                return body != null && !Nodes.isNull(body) && endsInJump(body, depth + 1);
            }
            case "expression_statement" -> {
                TSNode e = Nodes.namedChildCount(stmt) > 0 ? Nodes.namedChild(stmt, 0) : null;
                if (e != null && Nodes.type(e).equals("call_expression")) {
                    TSNode f = Nodes.field(e, "function");
                    return f != null && !Nodes.isNull(f) && Nodes.type(f).equals("identifier")
                            && (NORETURN.contains(fn.text(f)) || fn.noReturn.contains(fn.text(f)));
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * True when inner switch {@code sw} cannot complete normally: it has a {@code default}, no {@code break}
     * leaves it, and its last case ends in a jump (so every case reaches one: continue, return, a goto). The
     * outer case ending in it then does not fall into the next outer case.
     */
    private boolean cannotComplete(TSNode sw, int depth) {
        TSNode body = Nodes.field(sw, "body");
        if (body == null || Nodes.isNull(body)) {
            return false;
        }
        boolean hasDefault = false;
        TSNode lastCase = null;
        for (int i = 0; i < Nodes.namedChildCount(body); i++) {
            TSNode c = Nodes.namedChild(body, i);
            if (Nodes.type(c).equals("case_statement")) {
                lastCase = c;
                TSNode value = Nodes.field(c, "value");
                hasDefault |= value == null || Nodes.isNull(value);
            }
        }
        TSNode last = lastCase == null ? null : lastStatement(lastCase);
        return hasDefault && last != null && !breaksOut(body, 0) && endsInJump(last, depth + 1);
    }

    /** True when a {@code break} in {@code n} leaves the switch or loop {@code n} is the body of. */
    private static boolean breaksOut(TSNode n, int depth) {
        if (depth > MAX_DEPTH) {
            return true;
        }
        for (int i = 0; i < Nodes.namedChildCount(n); i++) {
            TSNode c = Nodes.namedChild(n, i);
            switch (Nodes.type(c)) {
                case "break_statement" -> {
                    return true;
                }
                case "for_statement", "while_statement", "do_statement", "switch_statement" -> {
                }
                default -> {
                    if (breaksOut(c, depth + 1)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static TSNode lastNamedNonComment(TSNode n) {
        for (int i = Nodes.namedChildCount(n) - 1; i >= 0; i--) {
            TSNode c = Nodes.namedChild(n, i);
            if (!Nodes.type(c).equals("comment")) {
                return c;
            }
        }
        return null;
    }

    /**
     * The lvalues that write the state: the state itself, and {@code *p} for a pointer the function takes to it
     * ({@code int *p = &s->state; .. *p = K;}, or {@code p = &s->state;}).
     */
    private Set<String> placesOfState() {
        Set<String> places = new java.util.HashSet<>();
        places.add(stateVar);
        if (!lvalue) {
            return places;
        }
        String code = fn.compactText();
        if (!code.contains("=&")) {
            return places;
        }
        java.util.regex.Matcher alias = java.util.regex.Pattern.compile("(?<![\\w.>])([A-Za-z_]\\w*)=&\\(?"
                + java.util.regex.Pattern.quote(stateVar) + "\\)?[;,)]").matcher(code);
        while (alias.find()) {
            places.add("*" + alias.group(1));
            places.add(alias.group(1) + "[0]");
        }
        return places;
    }

    private static String stripStars(String declarator) {
        int i = 0;
        while (i < declarator.length() && declarator.charAt(i) == '*') {
            i++;
        }
        return declarator.substring(i);
    }

    /** The expression without enclosing parentheses. */
    static String strip(String s) {
        String t = s;
        while (t.length() >= 2 && t.charAt(0) == '(' && t.charAt(t.length() - 1) == ')' && balanced(t)) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** True when the outer parentheses of {@code t} enclose all of it. */
    private static boolean balanced(String t) {
        int depth = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && i < t.length() - 1) {
                    return false;
                }
            }
        }
        return true;
    }
}
