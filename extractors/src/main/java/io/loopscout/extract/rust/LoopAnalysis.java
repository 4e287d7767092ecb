package io.loopscout.extract.rust;

import io.loopscout.extract.StateGraph;
import io.loopscout.extract.StateGraph.Edge;
import io.loopscout.extract.StateGraph.EdgeKind;
import io.loopscout.extract.parse.SyntaxNode;
import io.loopscout.extract.rust.Dispatch.Arm;
import io.loopscout.extract.rust.Dispatch.Shape;
import io.loopscout.extract.rust.Dispatch.VarKind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state-machine facts of one loop: which match (or c2rust if-chain) in its body dispatches, on what place,
 * and the transitions, exits and graph that follow. Pattern families classify a loop from these facts.
 */
final class LoopAnalysis {

    private static final Set<String> LOOPS = Set.of("loop_expression", "while_expression", "for_expression");
    /** Bodies whose assignments and returns belong to someone else. */
    private static final Set<String> FOREIGN = Set.of("closure_expression", "function_item", "async_block",
            "impl_item", "trait_item", "mod_item");
    /** Macros that never return: a branch ending in one leaves the loop. */
    static final Set<String> DIVERGING_MACROS = Set.of("panic", "unreachable", "todo", "unimplemented");
    /**
     * Standard macros that only read their arguments: handed the state ({@code matches!(state, S::A)},
     * {@code debug_assert!(..)}, {@code write!(f, "{:?}", state)}), they neither store it nor jump (tera's and
     * sieve-rs's {@code matches!(token, Token::CloseParen)} in a dispatch arm).
     */
    private static final Set<String> READ_ONLY_MACROS = Set.of("matches", "assert", "assert_eq", "assert_ne",
            "debug_assert", "debug_assert_eq", "debug_assert_ne", "write", "writeln", "format", "format_args",
            "print", "println", "eprint", "eprintln", "dbg", "panic", "unreachable", "todo", "unimplemented",
            "trace", "debug", "info", "warn", "error", "log", "stringify", "concat", "cfg");
    private static final String CONST_TOKEN =
            "-?\\d[\\w]*|'(?:\\\\.|[^'])'|true|false|(?:(?:[A-Za-z_]\\w*)\\s*::\\s*)*[A-Z]\\w*";
    private static final Pattern STATE_NAME = Pattern.compile("(?:[A-Za-z_]\\w*\\s*::\\s*)*[A-Z]\\w*");
    private static final Pattern C2RUST_TEST = Pattern.compile("current_block==(\\d[\\w]*)");

    final SyntaxNode loop;
    final String label;
    final boolean whileLoop;
    /** Top-level statements of the loop body (comments and attributes not counted). */
    final int statements;
    final Dispatch dispatch;
    /**
     * A step function's analysis ({@code rust/step-machine}) whose driver stores its return value in the state:
     * the values it returns (its match's arm values, {@code return X}) are transitions, not exits.
     */
    final boolean returnsState;
    /** With {@link #returnsState}: -1 when the whole returned value is the state, else its tuple element. */
    private int returnedElement = -1;
    /** Macros of the file whose body assigns the state ({@code goto!(n, State::X)} in gif's decoder). */
    private Set<String> assigningMacros = Set.of();
    /** Local macros whose expansion assigns the state these constants (see {@link LocalMacros}). */
    private Map<String, List<String>> macroTargets = Map.of();
    /** Methods of the step's impl that assign its {@code self.field} state (xml-rs's {@code self.move_to(S)}). */
    private Set<String> assigningMethods = Set.of();
    /** The file's lower-case const items (c2rust's enumerators), whose assignment is a constant transition. */
    private ConstItems constItems = ConstItems.NONE;
    private Set<String> stateWords;
    int constTransitions;
    /** Constant transitions made inside an arm: a state machine needs at least one (shared/patterns.md). */
    int constTransitionsInArms;
    int dynamicTransitions;
    int exits;
    boolean macroTransitions;
    /** Set by the extractor: the loop carries {@code #[loop_match]} (also through cfg_attr). */
    boolean annotatedLoopMatch;
    final List<Edge> edges = new ArrayList<>();
    /** The constant values assigned, for state type inference. */
    final List<SyntaxNode> constants = new ArrayList<>();
    final List<String> macroConstants = new ArrayList<>();

    private LoopAnalysis(SyntaxNode loop, String label, boolean whileLoop, int statements, Dispatch dispatch,
            boolean returnsState) {
        this.loop = loop;
        this.label = label;
        this.whileLoop = whileLoop;
        this.statements = statements;
        this.dispatch = dispatch;
        this.returnsState = returnsState;
    }

    /**
     * Analyses a step function ({@code rust/step-machine}) as if its body were a loop body: {@code dispatch} is
     * the match dominating it, on the place whose assignments are transitions.
     *
     * @param returnsState    true when the driver stores the step's return value into the state
     * @param returnedElement -1 when that is the whole value, else the tuple element that is the state
     */
    static LoopAnalysis ofStep(SyntaxNode function, Dispatch dispatch, boolean returnsState, int returnedElement,
            Set<String> assigningMacros, Set<String> assigningMethods) {
        SyntaxNode body = function.child("body");
        LoopAnalysis a = new LoopAnalysis(function, null, false, body == null ? 0 : statements(body).size(),
                dispatch, returnsState);
        a.returnedElement = returnedElement;
        a.assigningMacros = assigningMacros;
        a.assigningMethods = assigningMethods;
        a.scan();
        return a;
    }

    /** The dispatches a top-level statement of a body (a loop's or a step function's) reaches. */
    static List<Dispatch> dispatchesIn(SyntaxNode statement) {
        List<Dispatch> out = new ArrayList<>();
        candidate(statement, out);
        return out;
    }

    /**
     * Analyses a loop once per dispatch its body holds (each top-level match, the c2rust chain): the extractor
     * chooses among them by the pattern each qualifies for, not by their order. Empty when there is none.
     */
    static List<LoopAnalysis> candidates(SyntaxNode loop) {
        return candidates(loop, null);
    }

    /** As {@link #candidates(SyntaxNode)}, with the file's local macros that may assign a state (or null). */
    static List<LoopAnalysis> candidates(SyntaxNode loop, LocalMacros macros) {
        return candidates(loop, macros, ConstItems.NONE);
    }

    /** As {@link #candidates(SyntaxNode, LocalMacros)}, with the file's lower-case const items. */
    static List<LoopAnalysis> candidates(SyntaxNode loop, LocalMacros macros, ConstItems constItems) {
        SyntaxNode body = loop.child("body");
        if (body == null) {
            return List.of();
        }
        SyntaxNode labelNode = loop.childOfType("label");
        String label = labelNode == null ? null : labelName(labelNode);
        List<SyntaxNode> stmts = statements(body);
        List<Dispatch> dispatches = new ArrayList<>();
        for (SyntaxNode s : stmts) {
            candidate(s, dispatches);
        }
        storedLater(stmts, dispatches);
        addC2RustChain(stmts, dispatches);
        List<LoopAnalysis> out = new ArrayList<>();
        for (Dispatch d : dispatches) {
            LoopAnalysis a = new LoopAnalysis(loop, label, loop.is("while_expression"), stmts.size(), d, false);
            a.constItems = constItems;
            if (macros != null) {
                LocalMacros.Assigning m = macros.assigning(d.stateVar());
                a.assigningMacros = m.direct();
                a.macroTargets = m.targets();
            }
            a.scan();
            out.add(a);
        }
        return out;
    }

    boolean hasGuards() {
        return dispatch.arms().stream().anyMatch(Arm::guarded);
    }

    /** The body is exactly {@code state = 'blk: { match state { .. } }} on a local. */
    boolean loopMatchReady() {
        return dispatch.shape() == Shape.LABELLED_BLOCK && dispatch.kind() == VarKind.LOCAL && statements == 1
                && dispatch.tupleIndex() < 0
                && dispatch.stateVar().equals(dispatch.assignedTo());
    }

    StateGraph graph() {
        return new StateGraph(dispatch.arms().stream().map(Arm::label).toList(), edges);
    }

    // ---- finding the dispatch -------------------------------------------------------------------------------

    private static List<SyntaxNode> statements(SyntaxNode block) {
        List<SyntaxNode> out = new ArrayList<>();
        for (SyntaxNode c : block.namedChildren()) {
            if (!c.is("attribute_item") && !c.is("inner_attribute_item") && !c.is("empty_statement")
                    && !c.is("label")) {
                out.add(c);
            }
        }
        return out;
    }

    private static String labelName(SyntaxNode label) {
        SyntaxNode id = label.childOfType("identifier");
        return id == null ? label.text().replace("'", "") : id.text();
    }

    /** Unwraps one top-level statement down to a match, remembering how the match is used. */
    private static void candidate(SyntaxNode statement, List<Dispatch> out) {
        SyntaxNode n = statement;
        Shape shape = Shape.PLAIN;
        String assigned = null;
        String blockLabel = null;
        for (int depth = 0; depth < 8 && n != null; depth++) {
            switch (n.type) {
                case "expression_statement" -> n = first(n);
                case "assignment_expression" -> {
                    if (shape != Shape.PLAIN) {
                        return;
                    }
                    assigned = n.child("left") == null ? null : n.child("left").compact();
                    shape = Shape.ASSIGNED;
                    n = n.child("right");
                }
                case "let_declaration" -> {
                    shape = Shape.VALUE;
                    n = n.child("value");
                }
                case "break_expression" -> {
                    shape = Shape.VALUE;
                    n = valueOfBreak(n);
                }
                case "unsafe_block" -> n = n.childOfType("block");
                case "block" -> {
                    List<SyntaxNode> inner = statements(n);
                    if (inner.size() != 1) {
                        return;
                    }
                    SyntaxNode l = n.childOfType("label");
                    if (l != null && shape == Shape.ASSIGNED) {
                        shape = Shape.LABELLED_BLOCK;
                        blockLabel = labelName(l);
                    }
                    n = inner.get(0);
                }
                case "match_expression" -> {
                    out.addAll(dispatchesOf(n, statement, shape, assigned, blockLabel));
                    return;
                }
                default -> {
                    return;
                }
            }
        }
    }

    /** One dispatch for the scrutinee, or one per place in a tuple scrutinee ({@code match (state, c)}). */
    private static List<Dispatch> dispatchesOf(SyntaxNode match, SyntaxNode statement, Shape shape,
            String assigned, String blockLabel) {
        SyntaxNode s = match.child("value");
        SyntaxNode bare = s == null ? null : RustValues.unparen(s);
        if (bare != null && bare.is("tuple_expression")) {
            List<Dispatch> out = new ArrayList<>();
            List<SyntaxNode> elements = bare.namedChildren();
            for (int i = 0; i < elements.size(); i++) {
                Object[] place = placeOf(elements.get(i));
                if (place[1] != VarKind.FETCHED) {
                    out.add(new Dispatch(match, statement, shape, assigned, blockLabel, (String) place[0],
                            (VarKind) place[1], armsOf(match, i), i));
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        Object[] place = s == null ? new Object[] {"", VarKind.FETCHED} : placeOf(s);
        return List.of(new Dispatch(match, statement, shape, assigned, blockLabel, (String) place[0],
                (VarKind) place[1], armsOf(match, -1), -1));
    }

    /**
     * The compact place a scrutinee reads and its kind, looking through {@code &}, parentheses, clone(), get() and
     * casts to an integer type.
     */
    static Object[] placeOf(SyntaxNode scrutinee) {
        SyntaxNode s = scrutinee;
        VarKind kind = VarKind.FETCHED;
        // not a place: shown as written, tokens apart (compact would print `p_stateas::core::ffi::c_uint`)
        String var = s.oneLine();
        for (int depth = 0; depth < 6 && s != null; depth++) {
            s = RustValues.unparen(s);
            if (s.is("reference_expression")) {
                s = s.child("value");
                continue;
            }
            if (s.is("type_cast_expression")) {
                // c2rust's `match p_state as ::core::ffi::c_uint`: the place under the casts dispatches
                SyntaxNode inner = StatePlace.underIntegerCasts(s);
                if (inner == s) {
                    break;
                }
                s = inner;
                continue;
            }
            if (s.is("call_expression") && s.child("function") != null && s.child("function").is("field_expression")
                    && s.child("arguments") != null && s.child("arguments").namedChildren().isEmpty()) {
                SyntaxNode f = s.child("function");
                String method = f.child("field") == null ? "" : f.child("field").text();
                if (method.equals("clone")) {
                    s = f.child("value");
                    continue;
                }
                if (method.equals("get") && f.child("value") != null && isPlace(f.child("value"))) {
                    kind = VarKind.CELL;
                    var = f.child("value").compact();
                }
                break;
            }
            if (s.is("identifier")) {
                kind = VarKind.LOCAL;
                var = s.compact();
            } else if (s.is("field_expression") && isPlace(s)) {
                kind = VarKind.PLACE;
                var = s.compact();
            } else if (s.is("unary_expression") && s.hasToken("*") && !s.namedChildren().isEmpty()
                    && isPlace(s.namedChildren().get(0))) {
                kind = VarKind.PLACE;
                var = s.compact();
            }
            break;
        }
        return new Object[] {var, kind};
    }

    /**
     * A chain of identifiers and fields ({@code self.a.state}, {@code *s}), the only places a state can live in.
     * Judged by text: the copy of a loop may hold such a chain as a leaf (see {@link SyntaxNode#copyOf}).
     */
    private static boolean isPlace(SyntaxNode n) {
        return StatePlace.isPlace(n);
    }

    /** True when compact text (whitespace removed) is a place ({@link StatePlace}, the one definition). */
    static boolean isPlace(String compact) {
        return StatePlace.isPlace(compact);
    }

    private static List<Arm> armsOf(SyntaxNode match, int tupleIndex) {
        List<Arm> arms = new ArrayList<>();
        SyntaxNode block = match.child("body");
        if (block == null) {
            return arms;
        }
        for (SyntaxNode arm : block.namedChildren()) {
            if (!arm.is("match_arm")) {
                continue;
            }
            SyntaxNode mp = arm.child("pattern");
            boolean guarded = mp != null && mp.child("condition") != null;
            SyntaxNode pattern = null;
            if (mp != null) {
                for (SyntaxNode c : mp.children()) {
                    if (c.field == null && !c.is("if")) {
                        pattern = c;
                        break;
                    }
                }
            }
            List<String> labels = new ArrayList<>();
            boolean catchAll = false;
            if (pattern != null) {
                for (SyntaxNode whole : alternatives(pattern)) {
                    SyntaxNode alt = tupleIndex < 0 ? whole : element(whole, tupleIndex);
                    if (alt == null) {
                        continue;
                    }
                    labels.add(alt.compact());
                    catchAll |= alt.is("_") || (alt.is("identifier") && !RustValues.startsUpper(alt.text()));
                }
            }
            arms.add(new Arm(arm, labels, catchAll, guarded));
        }
        return arms;
    }

    /** Element {@code i} of a tuple pattern ({@code _} for a non-tuple catch-all), or null. */
    private static SyntaxNode element(SyntaxNode pattern, int i) {
        if (!pattern.is("tuple_pattern")) {
            return pattern.is("_") || pattern.is("identifier") ? pattern : null;
        }
        List<SyntaxNode> elements = pattern.namedChildren();
        return i < elements.size() && !elements.get(i).is("remaining_field_pattern") ? elements.get(i) : null;
    }

    private static List<SyntaxNode> alternatives(SyntaxNode pattern) {
        if (!pattern.is("or_pattern")) {
            return List.of(pattern);
        }
        List<SyntaxNode> out = new ArrayList<>();
        for (SyntaxNode c : pattern.namedChildren()) {
            out.addAll(alternatives(c));
        }
        return out;
    }

    /** c2rust writes parts of its dispatch as {@code if current_block == K { .. } else if ..} chains. */
    private static void addC2RustChain(List<SyntaxNode> stmts, List<Dispatch> out) {
        List<Arm> chainArms = new ArrayList<>();
        SyntaxNode firstIf = null;
        for (SyntaxNode s : stmts) {
            SyntaxNode n = s.is("expression_statement") ? first(s) : s;
            while (n != null && n.is("if_expression")) {
                SyntaxNode cond = n.child("condition");
                List<String> ids = new ArrayList<>();
                if (cond != null) {
                    Matcher m = C2RUST_TEST.matcher(cond.compact());
                    while (m.find()) {
                        ids.add(m.group(1));
                    }
                }
                if (ids.isEmpty()) {
                    break;
                }
                firstIf = firstIf == null ? s : firstIf;
                chainArms.add(new Arm(n.child("consequence"), ids, false, false));
                SyntaxNode alt = n.child("alternative");
                n = alt == null ? null : first(alt);
            }
        }
        if (chainArms.isEmpty()) {
            return;
        }
        Dispatch match = null;
        for (Dispatch d : out) {
            if (d.stateVar().equals("current_block")) {
                match = d;
                break;
            }
        }
        if (match != null) {
            List<Arm> arms = new ArrayList<>(match.arms());
            arms.addAll(chainArms);
            out.set(out.indexOf(match), new Dispatch(match.match(), match.statement(), match.shape(),
                    match.assignedTo(), match.blockLabel(), match.stateVar(), match.kind(), arms, -1));
        } else {
            out.add(new Dispatch(null, firstIf, Shape.IF_CHAIN, null, null, "current_block", VarKind.LOCAL,
                    chainArms, -1));
        }
    }

    /**
     * {@code let next = match state { .. };} whose value a later top-level statement stores into the matched place
     * ({@code state = next;}) dispatches as {@link Shape#STORED}; a value never stored there stays a value.
     */
    private static void storedLater(List<SyntaxNode> stmts, List<Dispatch> dispatches) {
        for (int i = 0; i < dispatches.size(); i++) {
            Dispatch d = dispatches.get(i);
            String name = d.shape() == Shape.VALUE && d.match() != null && d.kind() != VarKind.FETCHED
                    && d.kind() != VarKind.CELL && d.tupleIndex() < 0 ? boundName(d.statement()) : null;
            if (name == null) {
                continue;
            }
            for (SyntaxNode t : stmts.subList(stmts.indexOf(d.statement()) + 1, stmts.size())) {
                SyntaxNode store = storeOf(t, name);
                if (store != null && store.child("left").compact().equals(d.stateVar())) {
                    dispatches.set(i, new Dispatch(d.match(), d.statement(), Shape.STORED, d.stateVar(),
                            d.blockLabel(), d.stateVar(), d.kind(), d.arms(), -1));
                    break;
                }
            }
        }
    }

    /** The variable a {@code let x = ..} binds, or null for any other statement or pattern. */
    private static String boundName(SyntaxNode statement) {
        SyntaxNode p = statement.is("let_declaration") ? statement.child("pattern") : null;
        return p != null && p.is("identifier") ? p.text() : null;
    }

    /** The assignment of the top-level statement {@code place = name;}, or null. */
    private static SyntaxNode storeOf(SyntaxNode statement, String name) {
        SyntaxNode a = statement.is("expression_statement") ? first(statement) : null;
        if (a == null || !a.is("assignment_expression") || a.child("left") == null || a.child("right") == null) {
            return null;
        }
        SyntaxNode right = RustValues.unparen(a.child("right"));
        return right.is("identifier") && right.text().equals(name) ? a : null;
    }

    private static SyntaxNode first(SyntaxNode n) {
        List<SyntaxNode> c = n.namedChildren();
        return c.isEmpty() ? null : c.get(0);
    }

    private static SyntaxNode valueOfBreak(SyntaxNode brk) {
        for (SyntaxNode c : brk.namedChildren()) {
            if (!c.is("label")) {
                return c;
            }
        }
        return null;
    }

    // ---- transitions and exits ------------------------------------------------------------------------------

    private void scan() {
        String var = dispatch.stateVar();
        VarKind kind = dispatch.kind();
        List<SyntaxNode> nodes = loop.collect(n -> true, n -> FOREIGN.contains(n.type) || n.is("token_tree"));
        for (SyntaxNode n : nodes) {
            switch (n.type) {
                case "assignment_expression" -> {
                    SyntaxNode left = n.child("left");
                    if (kind != VarKind.CELL && left != null && left.compact().equals(var) && n.child("right") != null
                            && !isDispatchAssignment(n)) {
                        List<SyntaxNode> values = new ArrayList<>();
                        leaves(n.child("right"), values);
                        for (SyntaxNode v : values) {
                            transition(n, v);
                        }
                    }
                }
                case "compound_assignment_expr" -> {
                    SyntaxNode left = n.child("left");
                    if (left != null && left.compact().equals(var)) {
                        dynamic(n);
                    }
                }
                case "call_expression" -> {
                    SyntaxNode f = n.child("function");
                    SyntaxNode args = n.child("arguments");
                    if (kind == VarKind.CELL && f != null && f.compact().equals(var + ".set") && args != null
                            && args.namedChildren().size() == 1) {
                        transition(n, args.namedChildren().get(0));
                    } else if (!assigningMethods.isEmpty() && f != null && f.is("field_expression")
                            && f.child("field") != null && assigningMethods.contains(f.child("field").text())
                            && f.child("value") != null && f.child("value").compact().equals("self")) {
                        assigningCall(n, args == null ? "" : args.text());
                    }
                }
                case "macro_invocation" -> {
                    if (kind != VarKind.FETCHED) {
                        macroTransitions(n, var);
                    }
                }
                case "return_expression" -> {
                    SyntaxNode value = returnsState ? first(n) : null;
                    if (value != null) {
                        returnedValues(n, value);
                    } else {
                        exit(n);
                    }
                }
                case "try_expression" -> exit(n);
                case "break_expression" -> breakOf(n);
                case "continue_expression" -> continueOf(n);
                default -> {
                }
            }
        }
        if (returnsState && dispatch.match() != null) {
            for (Arm arm : dispatch.arms()) {
                SyntaxNode value = arm.node().child("value");
                if (value != null) {
                    returnedValues(value, value);
                }
            }
        } else if ((dispatch.shape() == Shape.ASSIGNED || dispatch.shape() == Shape.LABELLED_BLOCK
                || dispatch.shape() == Shape.STORED) && var.equals(dispatch.assignedTo()) && dispatch.match() != null) {
            for (Arm arm : dispatch.arms()) {
                SyntaxNode value = arm.node().child("value");
                if (value != null) {
                    List<SyntaxNode> leaves = new ArrayList<>();
                    leaves(value, leaves);
                    for (SyntaxNode leaf : leaves) {
                        transition(leaf, leaf);
                    }
                }
            }
        }
    }

    /** Nested calls that only wrap a state on its way out of a step ({@code Ok(S)}, {@code Poll::Ready(Some(S))}). */
    private static final Set<String> WRAPPERS = Set.of("Ok", "Some", "Ready", "Poll::Ready", "Continue");

    /** The values a step returns through {@code at} (an arm value or a {@code return}) are its transitions. */
    private void returnedValues(SyntaxNode at, SyntaxNode value) {
        List<SyntaxNode> leaves = new ArrayList<>();
        leaves(value, leaves);
        for (SyntaxNode leaf : leaves) {
            SyntaxNode from = at == value ? leaf : at;
            SyntaxNode v = unwrapped(leaf);
            if (returnedElement >= 0 && !isFailure(v)) {
                List<SyntaxNode> elements = v.is("tuple_expression") ? v.namedChildren() : List.of();
                if (returnedElement >= elements.size()) {
                    dynamic(from);
                    continue;
                }
                v = elements.get(returnedElement);
            }
            transition(from, v);
        }
    }

    /** {@code Err(..)} or {@code None}: a step that returns its next state reports failure so, it is no state. */
    private static boolean isFailure(SyntaxNode value) {
        SyntaxNode f = value.is("call_expression") ? value.child("function") : value;
        String name = f == null ? "" : f.compact();
        return name.equals("Err") || name.equals("None") || name.endsWith("::Err") || name.endsWith("::None");
    }

    /** A step's state without the wrappers it travels in ({@code Some(State::Head)} is {@code State::Head}). */
    private static SyntaxNode unwrapped(SyntaxNode value) {
        SyntaxNode v = RustValues.unparen(value);
        while (v.is("call_expression") && v.child("function") != null
                && WRAPPERS.contains(v.child("function").compact()) && v.child("arguments") != null
                && v.child("arguments").namedChildren().size() == 1) {
            v = RustValues.unparen(v.child("arguments").namedChildren().get(0));
        }
        return v;
    }

    /**
     * True for the {@code state = match state { .. }} statement itself, and for the top-level {@code state = next;}
     * storing a {@link Shape#STORED} match's value: its arm values are counted instead.
     */
    private boolean isDispatchAssignment(SyntaxNode assignment) {
        if (dispatch.shape() == Shape.STORED) {
            SyntaxNode statement = assignment.parent;
            String name = boundName(dispatch.statement());
            return statement != null && statement.parent == dispatch.statement().parent
                    && storeOf(statement, name) == assignment;
        }
        return (dispatch.shape() == Shape.ASSIGNED || dispatch.shape() == Shape.LABELLED_BLOCK)
                && dispatch.statement().contains(assignment) && assignment.contains(dispatch.match())
                && assignment.start <= dispatch.statement().start + 2;
    }

    private void transition(SyntaxNode at, SyntaxNode value) {
        if (loop.is("function_item")) {
            value = unwrapped(value);
            if (returnsState && isFailure(value)) {
                exit(at);
                return;
            }
        }
        int from = armOf(at);
        SyntaxNode uncast = underCasts(value);
        if (RustValues.constantKind(uncast) != null || uncast.is("identifier")
                && constItems.valueOf(uncast.text()) != null) {
            constTransitions++;
            constTransitionsInArms += from >= 0 ? 1 : 0;
            constants.add(uncast);
            int to = target(uncast.compact());
            if (from >= 0) {
                edges.add(new Edge(from, to, to >= 0 ? EdgeKind.CONSTANT : EdgeKind.DYNAMIC));
            }
        } else {
            dynamic(at);
        }
    }

    /**
     * A value under its casts: c2rust writes constants so ({@code 1 as ::core::ffi::c_uint},
     * {@code s_dead as ::core::ffi::c_int as state}), and a cast of a constant is a constant.
     */
    private static SyntaxNode underCasts(SyntaxNode value) {
        SyntaxNode v = RustValues.unparen(value);
        while (v.is("type_cast_expression") && v.child("value") != null) {
            v = RustValues.unparen(v.child("value"));
        }
        return v;
    }

    private void dynamic(SyntaxNode at) {
        dynamicTransitions++;
        int from = armOf(at);
        if (from >= 0) {
            edges.add(new Edge(from, -1, EdgeKind.DYNAMIC));
        }
    }

    private void exit(SyntaxNode at) {
        exits++;
        int from = armOf(at);
        if (from >= 0) {
            edges.add(new Edge(from, -1, EdgeKind.EXIT));
        }
    }

    /** Counts a break as an exit when it leaves this loop; {@code break 'blk X} of the ready shape transitions. */
    private void breakOf(SyntaxNode brk) {
        SyntaxNode l = brk.childOfType("label");
        if (l != null) {
            String name = labelName(l);
            if (name.equals(dispatch.blockLabel()) && dispatch.match() != null && dispatch.match().contains(brk)) {
                SyntaxNode v = valueOfBreak(brk);
                if (v != null) {
                    transition(brk, v);
                }
                return;
            }
            if (name.equals(label) || !labelledInside(brk, name)) {
                exit(brk);
            }
            return;
        }
        for (SyntaxNode p = brk.parent; p != null && p != loop; p = p.parent) {
            if (LOOPS.contains(p.type)) {
                return;
            }
        }
        exit(brk);
    }

    /** {@code continue 'outer} of a loop around this one leaves this loop too. */
    private void continueOf(SyntaxNode cont) {
        SyntaxNode l = cont.childOfType("label");
        if (l != null) {
            String name = labelName(l);
            if (!name.equals(label) && !labelledInside(cont, name)) {
                exit(cont);
            }
        }
    }

    /** True when a loop or block between {@code node} and this loop carries label {@code name}. */
    private boolean labelledInside(SyntaxNode node, String name) {
        for (SyntaxNode p = node.parent; p != null && p != loop; p = p.parent) {
            SyntaxNode l = p.childOfType("label");
            if (l != null && labelName(l).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Transitions hidden in macro arguments: {@code var = CONST} tokens, and for a macro that receives the state
     * variable itself as an argument (miniz_oxide's {@code generate_state!(state, ..)}), every state name its
     * tokens mention.
     */
    private void macroTransitions(SyntaxNode macro, String var) {
        SyntaxNode tt = macro.childOfType("token_tree");
        SyntaxNode macroName = macro.child("macro");
        if (tt != null && macroName != null && assigningMacros.contains(macroName.text())) {
            assigningCall(macro, tt.text());
            return;
        }
        if (macroName != null && READ_ONLY_MACROS.contains(RustValues.lastSegment(macroName.compact()))) {
            return;
        }
        List<String> expands = macroName == null ? null : macroTargets.get(macroName.text());
        if (expands != null) {
            // a local macro whose expansion stores constants (simd-json's object_continue!() through goto!(X))
            macroTransitions = true;
            int from = armOf(macro);
            for (String value : expands) {
                int to = target(value);
                constTransitions++;
                constTransitionsInArms += from >= 0 ? 1 : 0;
                macroConstants.add(value);
                if (from >= 0) {
                    edges.add(new Edge(from, to, to >= 0 ? EdgeKind.CONSTANT : EdgeKind.DYNAMIC));
                }
            }
            return;
        }
        String lastSegment = var.substring(Math.max(var.lastIndexOf('.'), var.lastIndexOf('*')) + 1);
        if (tt == null || !tt.text().contains(lastSegment)) {
            return;
        }
        String text = tt.text();
        String flexVar = flexible(var);
        Matcher assign = Pattern.compile("(?<![\\w.])" + flexVar + "\\s*=(?![=>])\\s*(?:(" + CONST_TOKEN
                + ")(?=\\s*(?:[;,)}\\]]|$)))?").matcher(text);
        boolean found = false;
        while (assign.find()) {
            found = true;
            macroTransitions = true;
            if (assign.group(1) != null) {
                constTransitions++;
                constTransitionsInArms += armOf(macro) >= 0 ? 1 : 0;
                String value = assign.group(1).replaceAll("\\s+", "");
                macroConstants.add(value);
                int from = armOf(macro);
                int to = target(value);
                if (from >= 0) {
                    edges.add(new Edge(from, to, to >= 0 ? EdgeKind.CONSTANT : EdgeKind.DYNAMIC));
                }
            } else {
                dynamic(macro);
            }
        }
        if (found || !Pattern.compile("^\\(\\s*" + flexVar + "\\s*[,)]").matcher(text).find()) {
            return;
        }
        // The macro is handed the state variable: the state names in its tokens are where it jumps.
        Matcher word = STATE_NAME.matcher(text);
        int from = armOf(macro);
        while (word.find()) {
            String w = word.group().replaceAll("\\s+", "");
            int to = targetExact(w);
            if (to >= 0) {
                macroTransitions = true;
                constTransitions++;
                constTransitionsInArms += from >= 0 ? 1 : 0;
                macroConstants.add(w);
                if (from >= 0) {
                    edges.add(new Edge(from, to, EdgeKind.CONSTANT));
                }
            }
        }
    }

    /**
     * One invocation of a macro or method that assigns the state is one transition: constant when the first
     * state name in its arguments (a unit variant: not followed by {@code (} or <code>{</code>) is an arm's, else
     * dynamic. A macro's rules need not all assign (html5ever's {@code go!(self: emit c)} does not): an invocation
     * naming no state, no state's variant and not the states' enum is no transition.
     */
    private void assigningCall(SyntaxNode call, String tokens) {
        boolean macro = call.is("macro_invocation");
        macroTransitions |= macro;
        Matcher word = STATE_NAME.matcher(tokens);
        boolean namesAState = false;
        while (word.find()) {
            String rest = tokens.substring(word.end()).stripLeading();
            String w = word.group().replaceAll("\\s+", "");
            namesAState |= stateWords().contains(RustValues.lastSegment(w))
                    || RustValues.qualifier(w) != null && stateWords().contains(RustValues.qualifier(w));
            if (rest.startsWith("(") || rest.startsWith("{")) {
                continue;
            }
            int to = targetExact(w);
            if (to >= 0) {
                int from = armOf(call);
                constTransitions++;
                constTransitionsInArms += from >= 0 ? 1 : 0;
                macroConstants.add(w);
                if (from >= 0) {
                    edges.add(new Edge(from, to, EdgeKind.CONSTANT));
                }
                return;
            }
        }
        if (!macro || namesAState) {
            dynamic(call);
        }
    }

    /** The words naming a state: each arm label's variant and the enum qualifying it. */
    private Set<String> stateWords() {
        if (stateWords == null) {
            stateWords = new java.util.HashSet<>();
            for (Arm arm : dispatch.arms()) {
                for (String label : arm.labels()) {
                    String head = label.replaceFirst("[({].*$", "");
                    stateWords.add(RustValues.lastSegment(head));
                    String q = RustValues.qualifier(head);
                    if (q != null) {
                        stateWords.add(RustValues.lastSegment(q));
                    }
                }
            }
            stateWords.remove("_");
        }
        return stateWords;
    }

    static String flexible(String compactPlace) {
        StringBuilder sb = new StringBuilder();
        for (String part : compactPlace.split("(?<=[.*])|(?=[.*])")) {
            if (!part.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : "\\s*").append(Pattern.quote(part));
            }
        }
        return sb.toString();
    }

    /** The values an arm expression evaluates to (through blocks, ifs and nested matches). */
    private static void leaves(SyntaxNode e, List<SyntaxNode> out) {
        SyntaxNode v = RustValues.unparen(e);
        switch (v.type) {
            case "block" -> {
                SyntaxNode tail = tail(v);
                if (tail != null) {
                    leaves(tail, out);
                }
            }
            case "unsafe_block" -> {
                SyntaxNode b = v.childOfType("block");
                if (b != null) {
                    leaves(b, out);
                }
            }
            case "if_expression" -> {
                if (v.child("consequence") != null) {
                    leaves(v.child("consequence"), out);
                }
                SyntaxNode alt = v.child("alternative");
                if (alt != null && first(alt) != null) {
                    leaves(first(alt), out);
                }
            }
            case "match_expression" -> {
                for (Arm arm : armsOf(v, -1)) {
                    if (arm.node().child("value") != null) {
                        leaves(arm.node().child("value"), out);
                    }
                }
            }
            case "return_expression", "break_expression", "continue_expression", "loop_expression" -> {
            }
            // c2rust casts a C conditional's value: `(if c { s_a as c_int } else { s_b as c_int }) as state`
            case "type_cast_expression" -> {
                if (v.child("value") != null) {
                    leaves(v.child("value"), out);
                } else {
                    out.add(v);
                }
            }
            case "macro_invocation" -> {
                SyntaxNode name = v.child("macro");
                if (name == null || !DIVERGING_MACROS.contains(name.text())) {
                    out.add(v);
                }
            }
            default -> out.add(v);
        }
    }

    /** The tail expression of a block, or null when it ends with a statement. */
    private static SyntaxNode tail(SyntaxNode block) {
        List<SyntaxNode> stmts = statements(block);
        if (stmts.isEmpty()) {
            return null;
        }
        SyntaxNode last = stmts.get(stmts.size() - 1);
        if (last.is("expression_statement")) {
            return last.hasToken(";") ? null : first(last);
        }
        return last.is("let_declaration") || last.type.endsWith("_item") ? null : last;
    }

    // ---- arms and targets -----------------------------------------------------------------------------------

    /** The index of the arm holding {@code node}, or -1 when it stands outside every arm. */
    int armOf(SyntaxNode node) {
        List<Arm> arms = dispatch.arms();
        for (int i = 0; i < arms.size(); i++) {
            SyntaxNode a = arms.get(i).node();
            if (a != null && a.contains(node)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The arm a constant goes to: the arm naming it, else the catch-all arm, else -1. A {@code const} item
     * (SCREAMING_CASE) that no arm names has a value we cannot see: -1, not the catch-all.
     */
    int target(String value) {
        int exact = targetExact(value);
        if (exact >= 0) {
            return exact;
        }
        BigInteger item = constItems.valueOf(value);
        if (item != null && targetExact(item.toString()) >= 0) {
            // c2rust's arms are the enumerators' values: `st = s_word` goes to arm `3`
            return targetExact(item.toString());
        }
        String last = RustValues.lastSegment(value);
        if (last.length() > 1 && last.equals(last.toUpperCase(java.util.Locale.ROOT))
                && Character.isLetter(last.charAt(0))) {
            return -1;
        }
        List<Arm> arms = dispatch.arms();
        for (int i = 0; i < arms.size(); i++) {
            if (arms.get(i).catchAll()) {
                return i;
            }
        }
        return -1;
    }

    private int targetExact(String value) {
        BigInteger v = RustValues.integerValue(value);
        List<Arm> arms = dispatch.arms();
        for (int i = 0; i < arms.size(); i++) {
            for (String l : arms.get(i).labels()) {
                if (matches(l, value, v)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** True when arm label {@code label} names {@code value} ({@code v}: its integer value, or null). */
    private static boolean matches(String label, String value, BigInteger v) {
        if (label.equals(value)) {
            return true;
        }
        if (v != null) {
            int range = label.indexOf("..");
            if (range > 0) {
                BigInteger lo = RustValues.integerValue(label.substring(0, range));
                String hiText = label.substring(range + 2);
                boolean inclusive = hiText.startsWith("=");
                BigInteger hi = hiText.isEmpty() ? null
                        : RustValues.integerValue(inclusive ? hiText.substring(1) : hiText);
                return lo != null && v.compareTo(lo) >= 0
                        && (hiText.isEmpty() || hi != null && (inclusive ? v.compareTo(hi) <= 0 : v.compareTo(hi) < 0));
            }
            return Objects.equals(v, RustValues.integerValue(label));
        }
        String lv = RustValues.lastSegment(value);
        String ll = RustValues.lastSegment(label);
        if (!RustValues.startsUpper(lv) || !lv.equals(ll)) {
            return false;
        }
        String qv = RustValues.qualifier(value);
        String ql = RustValues.qualifier(label);
        return qv == null || ql == null || qv.equals(ql) || qv.equals("Self") || ql.equals("Self")
                || qv.endsWith("::" + ql) || ql.endsWith("::" + qv);
    }
}
