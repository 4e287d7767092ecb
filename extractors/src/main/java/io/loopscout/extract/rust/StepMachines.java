package io.loopscout.extract.rust;

import io.loopscout.extract.parse.Nodes;
import io.loopscout.extract.parse.ParsedSource;
import io.loopscout.extract.parse.SourceText;
import io.loopscout.extract.parse.SyntaxNode;
import io.loopscout.extract.rust.Dispatch.VarKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treesitter.TSNode;
import org.treesitter.TSTreeCursor;

/**
 * {@code rust/step-machine} (shared/patterns.md): a step function whose body is dominated by a match with at least
 * three arms on a state place ({@code self.state}, {@code *self}, a parameter, or a local taken from a place), and
 * a driver loop in another function of the same file that calls it every round and feeds its result back (the step
 * assigns the place, or the driver stores the step's return value into it).
 *
 * <p>Text first, tree second: the file's {@code fn NAME} definitions and {@code NAME(} call sites are found by
 * regular expressions; only a function that is called somewhere and whose body text holds a {@code match} is
 * looked at in the tree, and only its call sites are walked up to their loop.
 */
final class StepMachines {

    static final int MIN_ARMS = 3;
    private static final List<String> MATCH = List.of("match");
    private static final Pattern SELF_CALL = Pattern.compile("\\bself\\s*\\.\\s*([A-Za-z_]\\w*)\\s*\\(");
    private static final Pattern LET_BINDING =
            Pattern.compile("let\\s*(?:\\(([^()=]*)\\)|(?:mut\\s+)?([A-Za-z_]\\w*))\\s*(?::[^=]*)?=(?![=>])");
    /** A scrutinee that can read a state: a place, maybe through get()/clone()/take(), or mem::replace/take. */
    private static final Pattern MAY_BE_STATE = Pattern.compile("[&*(]*(?:mut)?(?:self|[A-Za-z_]\\w*)"
            + "(?:\\.[A-Za-z_]\\w*)*\\)?(?:\\.(?:get|clone|take)\\(\\)(?:\\.unwrap\\(\\))?)?"
            + "|(?:(?:std|core)::)?(?:mem::)?(?:replace|take)\\(&mut.*");
    private static final Pattern SELF_PARAMETER = Pattern.compile("^\\(\\s*(?:&\\s*(?:'\\w+\\s*)?)?(?:mut\\s+)?self\\b");
    private static final Pattern MACRO_RULES = Pattern.compile("macro_rules!\\s*([A-Za-z_]\\w*)");
    private static final Set<String> LOOPS = Set.of("loop_expression", "while_expression", "for_expression");
    /** Between a driver loop and the call: bodies that do not run every round, or belong to someone else. */
    private static final Set<String> NOT_EVERY_ROUND = Set.of("match_arm", "else_clause", "closure_expression",
            "function_item", "async_block", "loop_expression", "while_expression", "for_expression");
    private static final Pattern TAKEN = Pattern.compile(
            "^(?:(?:std|core)::)?(?:mem::)?(?:replace|take)\\(&mut(.+?)[,)].*$|^(.+?)\\.take\\(\\)(?:\\..*|\\?)?$"
                    + "|^(.+?)(?:\\.clone\\(\\)|\\.get\\(\\))?$");

    private StepMachines() {
    }

    /**
     * One step machine.
     *
     * @param function       the step function
     * @param match          its dominating match (the finding's span)
     * @param analysis       its match and transitions (the state place as the match's state variable)
     * @param name           the step's name
     * @param driverFunction the name of the function holding the first driver loop
     * @param driverLine     that loop's first line
     */
    record Step(TSNode function, TSNode match, LoopAnalysis analysis, String name, String driverFunction,
            int driverLine) {
    }

    /** A call of the step, in a loop, every round. */
    private record Driver(TSNode loop, TSNode function, TSNode statement, int callAt) {
    }

    /** The step machines of one parsed file. */
    static List<Step> find(ParsedSource parsed, SourceText source, String text) {
        List<FunctionNames.Definition> defs = FunctionNames.definitions(text);
        Map<String, Integer> definitions = new HashMap<>();
        for (FunctionNames.Definition d : defs) {
            definitions.merge(d.name(), 1, Integer::sum);
        }
        Map<String, List<Integer>> calls = FunctionNames.callSites(text, definitions.keySet());
        List<Step> out = new ArrayList<>();
        TSNode root = parsed.root();
        ByteOffsets offsets = new ByteOffsets(source, text);
        for (FunctionNames.Definition d : defs) {
            String name = d.name();
            List<Integer> sites = calls.get(name);
            if (sites == null) {
                continue;
            }
            int at = offsets.of(d.fnAt());
            TSNode function = Nodes.namedDescendantForByteRange(root, at, at + 2);
            if (Nodes.isNull(function) || !Nodes.type(function).equals("function_item")) {
                continue;
            }
            Step step = step(parsed, source, text, offsets, function, name, sites, definitions.get(name) == 1,
                    defs);
            if (step != null) {
                out.add(step);
            }
        }
        return out;
    }

    /**
     * Char offsets (where the regexes run) to byte offsets (where the tree counts UTF-8), built once per file:
     * converting each offset by re-encoding the text before it was quadratic in files with non-ASCII text.
     */
    private static final class ByteOffsets {
        private final int[] byteAt;

        ByteOffsets(SourceText source, String text) {
            if (source.bytes().length == text.length()) {
                byteAt = null;
                return;
            }
            byteAt = new int[text.length() + 1];
            int b = 0;
            for (int i = 0; i < text.length(); i++) {
                byteAt[i] = b;
                char c = text.charAt(i);
                b += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
            }
            byteAt[text.length()] = b;
        }

        int of(int charOffset) {
            return byteAt == null ? charOffset : byteAt[charOffset];
        }
    }

    private static Step step(ParsedSource parsed, SourceText source, String text, ByteOffsets offsets,
            TSNode function, String name, List<Integer> sites, boolean uniqueName, List<FunctionNames.Definition> defs) {
        TSNode body = Nodes.field(function, "body");
        if (Nodes.isNull(body) || !source.containsAny(Nodes.start(body), Nodes.end(body), MATCH)) {
            return null;
        }
        TSNode match = dominatingMatch(body, source);
        if (match == null) {
            return null;
        }
        // Cheap tests before the copy of the function (costly for a big step): a scrutinee that can be a state,
        // and a call of the step in a loop of another function.
        TSNode value = Nodes.field(match, "value");
        if (Nodes.isNull(value) || !MAY_BE_STATE.matcher(source.compact(Nodes.start(value), Nodes.end(value)))
                .matches()) {
            return null;
        }
        TSNode parameters = Nodes.field(function, "parameters");
        boolean method = !Nodes.isNull(parameters) && SELF_PARAMETER
                .matcher(source.text(Nodes.start(parameters), Nodes.end(parameters))).find();
        String implType = RustFindings.implType(parsed, Nodes.ancestors(parsed.root(), function));
        List<Call> calls = new ArrayList<>();
        List<Driver> drivers = new ArrayList<>();
        for (int site : sites) {
            int at = offsets.of(site);
            Call call = at >= Nodes.start(function) && at < Nodes.end(function) ? null : Call.at(text, site, name);
            if (call == null || !call.canMean(method, implType, uniqueName)) {
                continue;
            }
            Driver driver = driverAt(parsed, source, at, name.length(),
                    source.compact(Nodes.start(value), Nodes.end(value)));
            if (driver == null || Nodes.start(driver.function()) == Nodes.start(function)
                    || call.needsSameImpl() && !Objects.equals(implType,
                            RustFindings.implType(parsed, Nodes.ancestors(parsed.root(), driver.function())))) {
                continue;
            }
            calls.add(call);
            drivers.add(driver);
        }
        if (drivers.isEmpty()) {
            return null;
        }
        SyntaxNode fn = SyntaxNode.copyOf(function, source);
        SyntaxNode fnBody = fn.child("body");
        SyntaxNode matchCopy = fn.find(Nodes.start(match), Nodes.end(match), "match_expression");
        if (fnBody == null || matchCopy == null) {
            return null;
        }
        Dispatch dispatch = null;
        for (SyntaxNode s : fnBody.statements()) {
            if (s.contains(matchCopy)) {
                for (Dispatch d : LoopAnalysis.dispatchesIn(s)) {
                    if (d.match() == matchCopy && distinctStates(d) >= MIN_ARMS) {
                        dispatch = d;
                        break;
                    }
                }
            }
        }
        if (dispatch == null) {
            return null;
        }
        List<String> params = parameters(fn);
        String place = statePlace(dispatch, fnBody, params);
        if (place == null) {
            return null;
        }
        Dispatch onPlace = place.equals(dispatch.stateVar()) ? dispatch
                : new Dispatch(dispatch.match(), dispatch.statement(), dispatch.shape(), dispatch.assignedTo(),
                        dispatch.blockLabel(), place, VarKind.PLACE, dispatch.arms(), dispatch.tupleIndex());
        Set<String> macros = assigningMacros(text, place);
        Set<String> methods = Set.of();
        LoopAnalysis assigning = LoopAnalysis.ofStep(fn, onPlace, false, -1, macros, methods);
        if (assigning.constTransitions + assigning.dynamicTransitions == 0 && place.startsWith("self.")) {
            // only a step that assigns nothing itself is worth reading every method body of the file for
            methods = assigningMethods(text, defs, place, name);
            assigning = methods.isEmpty() ? assigning : LoopAnalysis.ofStep(fn, onPlace, false, -1, macros, methods);
        }
        boolean stepAssigns = assigning.constTransitions + assigning.dynamicTransitions > 0;
        String root = place.replaceAll("^[*(]+", "").replaceAll("[.)].*$", "");
        for (int i = 0; i < drivers.size(); i++) {
            Driver driver = drivers.get(i);
            int stored = storedElement(source, driver, calls.get(i).stateArgument(params.indexOf(root), method),
                    place);
            if (!stepAssigns && stored == NOT_STORED) {
                continue;
            }
            LoopAnalysis a = stored == NOT_STORED ? assigning
                    : LoopAnalysis.ofStep(fn, onPlace, true, stored, macros, methods);
            TSNode driverName = Nodes.field(driver.function(), "name");
            return new Step(function, match, a, name, Nodes.isNull(driverName) ? "" : parsed.text(driverName),
                    ParsedSource.startLine(driver.loop()));
        }
        return null;
    }

    /**
     * The methods of the file that assign {@code place} (a field of {@code self}), directly or through another
     * such method ({@code self.move_to(S)} whose body is {@code self.st = S}): by text, each function's body
     * found by brace matching from its {@code fn}. The step itself is left out.
     */
    private static Set<String> assigningMethods(String text, List<FunctionNames.Definition> defs, String place,
            String step) {
        Map<String, String> bodies = new HashMap<>();
        for (FunctionNames.Definition d : defs) {
            if (!d.name().equals(step)) {
                bodies.merge(d.name(), bodyText(text, d.nameEnd()), (a, b) -> a + "\n" + b);
            }
        }
        Set<String> out = new HashSet<>();
        Pattern assigns = Pattern.compile("(?<![\\w.])" + LoopAnalysis.flexible(place) + "\\s*=(?![=>])");
        bodies.forEach((name, body) -> {
            if (assigns.matcher(body).find()) {
                out.add(name);
            }
        });
        for (boolean grew = !out.isEmpty(); grew; ) {
            grew = false;
            for (Map.Entry<String, String> e : bodies.entrySet()) {
                if (!out.contains(e.getKey()) && callsAny(e.getValue(), out)) {
                    out.add(e.getKey());
                    grew = true;
                }
            }
        }
        return out;
    }

    /** True when {@code body} calls {@code self.m(} for some {@code m} of {@code methods}. */
    private static boolean callsAny(String body, Set<String> methods) {
        Matcher m = SELF_CALL.matcher(body);
        while (m.find()) {
            if (methods.contains(m.group(1))) {
                return true;
            }
        }
        return false;
    }

    /** The text of a function body: from the first brace after {@code from} to its match (or a bounded cut). */
    private static String bodyText(String text, int from) {
        int open = from;
        int paren = 0;
        for (; open < text.length(); open++) {
            char c = text.charAt(open);
            paren += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ';' && paren == 0) {
                return "";
            }
            if (c == '{' && paren == 0) {
                break;
            }
        }
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return text.substring(open, i + 1);
            }
        }
        return text.substring(Math.min(open, text.length()));
    }

    /**
     * A macro body assigning {@code place} ({@code self.state = ..}, {@code self.state.set(..)}), its root also
     * written as a metavariable ({@code $me.state.set($s)} in html5ever's {@code go!}).
     */
    private static Pattern assignedInMacro(String place) {
        String root = place.replaceAll("^[*(]+", "").replaceAll("[.)].*$", "");
        int at = place.indexOf(root);
        String rest = place.substring(at + root.length());
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(place.substring(0, at)) + "(?:" + Pattern.quote(root)
                + "|\\$[A-Za-z_]\\w*)" + (rest.isEmpty() ? "" : "\\s*" + LoopAnalysis.flexible(rest))
                + "\\s*(?:=(?![=>])|\\.\\s*set\\s*\\()");
    }

    /** The {@code macro_rules!} of the file whose rules assign {@code place} from a metavariable. */
    private static Set<String> assigningMacros(String text, String place) {
        Set<String> out = new HashSet<>();
        int at = text.indexOf("macro_rules!");
        if (at < 0) {
            return out;
        }
        Matcher m = MACRO_RULES.matcher(text);
        Pattern assigns = assignedInMacro(place);
        while (m.find()) {
            int next = text.indexOf("macro_rules!", m.end());
            String rules = text.substring(m.end(), Math.min(next < 0 ? text.length() : next, m.end() + 4000));
            if (assigns.matcher(rules).find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** The first top-level statement of the body reaching a match of at least {@link #MIN_ARMS} arms. */
    private static TSNode dominatingMatch(TSNode body, SourceText source) {
        TSTreeCursor statements = new TSTreeCursor(body);
        for (boolean more = statements.gotoFirstChild(); more; more = statements.gotoNextSibling()) {
            TSNode statement = statements.currentNode();
            if (!source.containsAny(Nodes.start(statement), Nodes.end(statement), MATCH)) {
                continue;
            }
            TSNode m = RustPrefilters.reachesMatch(statement, false, 0);
            if (m == null) {
                continue;
            }
            TSNode arms = Nodes.field(m, "body");
            if (!Nodes.isNull(arms) && Nodes.namedChildCount(arms) >= MIN_ARMS) {
                return m;
            }
        }
        return null;
    }

    /**
     * The states an arm list names: distinct pattern heads ({@code Some(x)} and {@code Some(_) if ..} are one
     * state, {@code None} another; every catch-all one more). An {@code Option} matched three ways is no machine.
     */
    static int distinctStates(Dispatch d) {
        Set<String> heads = new HashSet<>();
        for (Dispatch.Arm arm : d.arms()) {
            for (String label : arm.labels()) {
                String head = label.replaceFirst("^(?:ref)?(?:mut)?[a-z_]\\w*@", "").replaceFirst("[({].*$", "");
                heads.add(arm.catchAll() && !head.contains("::") && !RustValues.startsUpper(head) ? "_" : head);
            }
        }
        return heads.size();
    }

    /** The parameter names of a function in order ({@code self} first for a method). */
    private static List<String> parameters(SyntaxNode fn) {
        List<String> out = new ArrayList<>();
        SyntaxNode ps = fn.child("parameters");
        if (ps == null) {
            return out;
        }
        for (SyntaxNode p : ps.namedChildren()) {
            if (p.is("self_parameter")) {
                out.add("self");
            } else if (p.is("parameter") && p.child("pattern") != null) {
                out.add(p.child("pattern").compact().replaceFirst("^mut(?=[A-Za-z_])", ""));
            }
        }
        return out;
    }

    /**
     * The place the step's state lives in: the scrutinee when it is rooted at {@code self} or a parameter; for a
     * local, the place it was taken from ({@code let s = self.state.take()}, {@code mem::replace(&mut *p, ..)});
     * null for anything else (a value computed in the step is no state).
     */
    private static String statePlace(Dispatch d, SyntaxNode body, List<String> params) {
        String var = d.stateVar();
        if (var.equals("self") && params.contains("self")) {
            return var;
        }
        if (d.kind() == VarKind.FETCHED) {
            Matcher m = TAKEN.matcher(d.match().child("value") == null ? "" : d.match().child("value").compact());
            return m.matches() && m.group(3) == null ? rooted(m.group(1) != null ? m.group(1) : m.group(2), params)
                    : null;
        }
        if (d.kind() == VarKind.LOCAL && !params.contains(var)) {
            for (SyntaxNode s : body.statements()) {
                if (s.start >= d.match().start) {
                    break;
                }
                SyntaxNode pattern = s.is("let_declaration") ? s.child("pattern") : null;
                SyntaxNode value = s.is("let_declaration") ? s.child("value") : null;
                if (pattern == null || value == null
                        || !pattern.compact().replaceFirst("^mut(?=[A-Za-z_])", "").equals(var)) {
                    continue;
                }
                Matcher m = TAKEN.matcher(value.compact());
                if (m.matches()) {
                    String from = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    var = from;
                }
                break;
            }
            if (var.equals(d.stateVar())) {
                return null;
            }
        }
        return rooted(var, params);
    }

    /** The place when it is rooted at {@code self} or a parameter, else null. */
    private static String rooted(String place, List<String> params) {
        if (!LoopAnalysis.isPlace(place)) {
            return null;
        }
        String root = place.replaceAll("^[*(]+", "").replaceAll("[.)].*$", "");
        return params.contains(root) ? place : null;
    }

    /**
     * One call site by text: how it names the function ({@code recv.f(}, {@code Q::f(} or {@code f(}) and its
     * receiver and arguments (without {@code &mut}, {@code &}, {@code *} and whitespace).
     */
    private record Call(String receiver, String qualifier, List<String> arguments) {

        static Call at(String text, int site, String name) {
            int b = site - 1;
            while (b >= 0 && Character.isWhitespace(text.charAt(b))) {
                b--;
            }
            String receiver = null;
            String qualifier = null;
            if (b >= 0 && text.charAt(b) == '.') {
                int s = b;
                while (s > 0 && (Character.isLetterOrDigit(text.charAt(s - 1)) || "_.*".indexOf(text.charAt(s - 1)) >= 0)) {
                    s--;
                }
                receiver = strip(text.substring(s, b));
            } else if (b >= 1 && text.charAt(b) == ':' && text.charAt(b - 1) == ':') {
                int s = b - 1;
                while (s > 0 && (Character.isLetterOrDigit(text.charAt(s - 1)) || text.charAt(s - 1) == '_')) {
                    s--;
                }
                qualifier = text.substring(s, b - 1);
            }
            List<String> arguments = new ArrayList<>();
            int open = text.indexOf('(', site + name.length());
            int depth = 0;
            int argStart = open + 1;
            for (int i = open; i >= 0 && i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    if (--depth == 0) {
                        arguments.add(strip(text.substring(argStart, i)));
                        break;
                    }
                } else if (c == ',' && depth == 1) {
                    arguments.add(strip(text.substring(argStart, i)));
                    argStart = i + 1;
                }
            }
            return new Call(receiver, qualifier, arguments);
        }

        /**
         * True when this call can mean the step: {@code recv.f(} a method (any receiver when the name is defined
         * once in the file), {@code Q::f(} a function of impl {@code Q} or {@code Self}, {@code f(} a free function.
         */
        boolean canMean(boolean method, String implType, boolean uniqueName) {
            if (receiver != null) {
                return method && (uniqueName || receiver.equals("self"));
            }
            if (qualifier != null) {
                return implType != null ? qualifier.equals("Self") || qualifier.equals(implType) : uniqueName;
            }
            return implType == null;
        }

        /** {@code self.f(} and {@code Self::f(} name a method of the caller's own impl. */
        boolean needsSameImpl() {
            return "self".equals(receiver) || "Self".equals(qualifier);
        }

        /**
         * The argument carrying the step's state: the receiver (or the first argument of {@code Q::f(x, ..)}) for
         * a state rooted at {@code self}, else the argument at the state parameter's position; null if none.
         */
        String stateArgument(int parameter, boolean method) {
            if (parameter < 0) {
                return null;
            }
            if (method && parameter == 0 && receiver != null) {
                return receiver;
            }
            int i = method && receiver != null ? parameter - 1 : parameter;
            return i >= 0 && i < arguments.size() ? arguments.get(i) : null;
        }
    }

    /**
     * The loop calling the step every round at byte {@code at}: the call stands in a top-level statement of the
     * loop's body (or in a {@code while} condition), not inside an arm, branch, closure or inner loop; a match
     * or if around it only counts when the call is its scrutinee or condition. An arm of a match on the step's
     * own scrutinee counts too: the driver handles some states itself and hands the others to the step every
     * round (vte's {@code while i != len { match self.state { Ground => .., _ => self.change_state(..) } }}).
     * So does an arm or branch whose siblings all leave the loop: every round that goes on calls the step.
     *
     * @param stepScrutinee the step's match scrutinee without whitespace
     */
    private static Driver driverAt(ParsedSource parsed, SourceText source, int at, int length,
            String stepScrutinee) {
        TSNode node = Nodes.namedDescendantForByteRange(parsed.root(), at, at + length);
        if (Nodes.isNull(node) || !Nodes.type(node).equals("identifier")
                && !Nodes.type(node).equals("field_identifier") && !Nodes.type(node).equals("token_tree")) {
            return null;
        }
        List<TSNode> ancestors = Nodes.ancestors(parsed.root(), node);
        int loopAt = -1;
        for (int i = 0; i < ancestors.size(); i++) {
            String t = Nodes.type(ancestors.get(i));
            if (LOOPS.contains(t)) {
                loopAt = i;
                break;
            }
            if (t.equals("function_item") || t.equals("closure_expression") || t.equals("async_block")) {
                return null;
            }
        }
        if (loopAt < 1) {
            return null;
        }
        TSNode loop = ancestors.get(loopAt);
        TSNode body = Nodes.field(loop, "body");
        TSNode part = ancestors.get(loopAt - 1);
        TSNode statement;
        if (!Nodes.isNull(body) && Nodes.start(part) == Nodes.start(body) && Nodes.type(part).equals("block")) {
            if (loopAt < 2) {
                return null;
            }
            statement = ancestors.get(loopAt - 2);
        } else if (Nodes.type(loop).equals("while_expression")) {
            statement = part;
        } else {
            return null;
        }
        for (int i = ancestors.indexOf(statement); i >= 0; i--) {
            TSNode n = ancestors.get(i);
            String t = Nodes.type(n);
            if (t.equals("match_expression") && i > 1 && Nodes.type(ancestors.get(i - 1)).equals("match_block")
                    && Nodes.type(ancestors.get(i - 2)).equals("match_arm") && sameScrutinee(n, source, stepScrutinee)
                    && catchAll(ancestors.get(i - 2), source)) {
                // the arm, and a block that is the arm's value, run whenever the state is one the step handles
                i -= 2;
                if (i > 0 && Nodes.type(ancestors.get(i - 1)).equals("block")) {
                    i--;
                }
                continue;
            }
            if (t.equals("match_expression") && i > 1 && Nodes.type(ancestors.get(i - 1)).equals("match_block")
                    && Nodes.type(ancestors.get(i - 2)).equals("match_arm") && fetchedScrutinee(n)
                    && othersLeave(ancestors.get(i - 1), ancestors.get(i - 2), source)) {
                // every round that goes on runs this arm (xml-rs's `Ok(token) => match self.dispatch_token(token)`)
                i -= 2;
                if (i > 0 && Nodes.type(ancestors.get(i - 1)).equals("block")) {
                    i--;
                }
                continue;
            }
            if (t.equals("if_expression") && i > 0 && branchRunsEveryRound(n, ancestors.get(i - 1), source)) {
                i -= Nodes.type(ancestors.get(i - 1)).equals("else_clause") ? 2 : 1;
                continue;
            }
            if (NOT_EVERY_ROUND.contains(t)
                    || t.equals("block") && i + 1 < ancestors.size() && !Nodes.type(ancestors.get(i + 1))
                            .equals("unsafe_block") && n != statement
                    || t.equals("if_expression") && at >= Nodes.start(Nodes.field(n, "condition"))
                            && at >= Nodes.end(Nodes.field(n, "condition"))
                    || t.equals("match_expression") && !Nodes.isNull(Nodes.field(n, "body"))
                            && at >= Nodes.start(Nodes.field(n, "body"))) {
                return null;
            }
        }
        TSNode function = null;
        for (int i = loopAt + 1; i < ancestors.size() && function == null; i++) {
            if (Nodes.type(ancestors.get(i)).equals("function_item")) {
                function = ancestors.get(i);
            }
        }
        return function == null ? null : new Driver(loop, function, statement, at);
    }

    /**
     * True for an arm that takes every state the others leave ({@code _ =>}, no guard): the step is handed the
     * rest. An arm for one state calling a function (brotli's {@code CONTEXT_MAP_1 => DecodeContextMap(..)},
     * whose match only checks the state) is the driver's own state doing its work, not a step.
     */
    private static boolean catchAll(TSNode arm, SourceText source) {
        TSNode pattern = Nodes.field(arm, "pattern");
        return !Nodes.isNull(pattern) && source.compact(Nodes.start(pattern), Nodes.end(pattern)).equals("_");
    }

    /**
     * True when the driver's match is on a value computed this round (a call, {@code ?}, {@code .await}): a match
     * on a value the loop carries is the driver's own state machine, and an arm of it calling a function is that
     * state's work (gimli's test loop {@code result = match result { RequiresX(a) => eval.resume(a)?, _ =>
     * panic!() }}).
     */
    private static boolean fetchedScrutinee(TSNode match) {
        TSNode v = Nodes.field(match, "value");
        while (!Nodes.isNull(v) && (Nodes.type(v).equals("parenthesized_expression")
                || Nodes.type(v).equals("reference_expression")) && Nodes.namedChildCount(v) > 0) {
            v = Nodes.namedChild(v, Nodes.namedChildCount(v) - 1);
        }
        if (Nodes.isNull(v)) {
            return false;
        }
        String t = Nodes.type(v);
        return t.equals("call_expression") || t.equals("try_expression") || t.equals("await_expression");
    }

    /** True when every arm of {@code arms} (a match_block) but {@code arm} leaves the driver loop. */
    private static boolean othersLeave(TSNode arms, TSNode arm, SourceText source) {
        int others = 0;
        for (int k = 0; k < Nodes.namedChildCount(arms); k++) {
            TSNode other = Nodes.namedChild(arms, k);
            if (!Nodes.type(other).equals("match_arm") || Nodes.start(other) == Nodes.start(arm)) {
                continue;
            }
            others++;
            if (!leaves(Nodes.field(other, "value"), source)) {
                return false;
            }
        }
        return others > 0;
    }

    /**
     * True when {@code branch} (the if's consequence block, or its else_clause holding a block) holds the call and
     * the other branch exists and leaves the loop ({@code if let Some(c) = next() { step(c) } else { break }}).
     */
    private static boolean branchRunsEveryRound(TSNode ifExpression, TSNode branch, SourceText source) {
        TSNode consequence = Nodes.field(ifExpression, "consequence");
        TSNode alternative = Nodes.field(ifExpression, "alternative");
        if (Nodes.isNull(consequence) || Nodes.isNull(alternative)) {
            return false;
        }
        TSNode elseBlock = Nodes.namedChildCount(alternative) == 1 ? Nodes.namedChild(alternative, 0) : null;
        if (elseBlock == null || !Nodes.type(elseBlock).equals("block")) {
            return false;
        }
        if (Nodes.start(branch) == Nodes.start(consequence)) {
            return leaves(elseBlock, source);
        }
        return Nodes.start(branch) == Nodes.start(alternative) && leaves(consequence, source);
    }

    /**
     * True when {@code value} (an arm's value or a branch) ends by leaving the loop: {@code return}, {@code break}
     * or a panicking macro, alone or as the block's last statement. Nested leaving is not looked for.
     */
    private static boolean leaves(TSNode value, SourceText source) {
        TSNode v = value;
        for (int depth = 0; depth < 4 && v != null && !Nodes.isNull(v); depth++) {
            String t = Nodes.type(v);
            if (t.equals("return_expression") || t.equals("break_expression")) {
                return true;
            }
            if (t.equals("macro_invocation")) {
                TSNode m = Nodes.field(v, "macro");
                return !Nodes.isNull(m)
                        && LoopAnalysis.DIVERGING_MACROS.contains(source.compact(Nodes.start(m), Nodes.end(m)));
            }
            if (t.equals("block") || t.equals("expression_statement")) {
                TSNode last = null;
                for (int k = Nodes.namedChildCount(v) - 1; k >= 0 && last == null; k--) {
                    TSNode c = Nodes.namedChild(v, k);
                    if (!Nodes.type(c).endsWith("comment")) {
                        last = c;
                    }
                }
                v = last;
            } else {
                return false;
            }
        }
        return false;
    }

    /** True when {@code match}'s scrutinee is {@code scrutinee} (both without whitespace). */
    private static boolean sameScrutinee(TSNode match, SourceText source, String scrutinee) {
        TSNode value = Nodes.field(match, "value");
        return !Nodes.isNull(value) && source.compact(Nodes.start(value), Nodes.end(value)).equals(scrutinee);
    }

    /** The driver does not store the step's result in the state. */
    static final int NOT_STORED = -2;
    /** The driver stores the step's whole result in the state. */
    static final int STORED_WHOLE = -1;

    /**
     * How the driver's statement stores the step's result into the state: it assigns the argument that carries
     * the state ({@code state = step(state, b)}, {@code *s = s.step()?}) or the step's own place
     * ({@code self.state = self.step()}) — {@link #STORED_WHOLE}; or it binds the result with {@code let} and a
     * later statement of the loop assigns the state from a bound name ({@code let (s, io) = step(state, c); ..;
     * state = s;}) — the tuple element of that name (or {@link #STORED_WHOLE} for a plain name); else
     * {@link #NOT_STORED}.
     */
    private static int storedElement(SourceText source, Driver driver, String stateArgument, String place) {
        String statement = source.text(Nodes.start(driver.statement()), Nodes.end(driver.statement()));
        List<String> fed = new ArrayList<>();
        for (String f : java.util.Arrays.asList(stateArgument, strip(place))) {
            if (f != null && !f.isEmpty() && !f.equals("self") && LoopAnalysis.isPlace(f)) {
                fed.add(f);
                if (assignment(f, "").matcher(statement).find()) {
                    return STORED_WHOLE;
                }
            }
        }
        Matcher let = LET_BINDING.matcher(statement);
        if (fed.isEmpty() || !Nodes.type(driver.statement()).equals("let_declaration") || !let.lookingAt()) {
            return NOT_STORED;
        }
        String[] names = let.group(1) != null ? let.group(1).split(",") : new String[] {let.group(2)};
        String rest = source.text(Nodes.end(driver.statement()), Nodes.end(driver.loop()));
        for (int i = 0; i < names.length; i++) {
            String bound = names[i].strip().replaceFirst("^mut\\s+", "");
            if (!bound.matches("[A-Za-z_]\\w*") || bound.equals("_")) {
                continue;
            }
            for (String f : fed) {
                if (assignment(f, "\\s*" + Pattern.quote(bound) + "\\s*;").matcher(rest).find()) {
                    return let.group(1) != null ? i : STORED_WHOLE;
                }
            }
        }
        return NOT_STORED;
    }

    /** {@code place = value} (not {@code ==} or {@code =>}), the place with or without a leading {@code *}. */
    private static Pattern assignment(String place, String value) {
        return Pattern.compile("(?<![\\w.])\\**" + Pattern.quote(place).replace(".", "\\E\\s*\\.\\s*\\Q")
                + "\\s*=(?![=>])" + value);
    }

    /** An argument or place without whitespace, {@code &mut}, {@code &} or {@code *}. */
    private static String strip(String s) {
        return s.replaceAll("\\s+", "").replaceAll("^&(?:mut(?=[A-Za-z_(*]))?", "").replaceAll("^\\*+", "");
    }
}
