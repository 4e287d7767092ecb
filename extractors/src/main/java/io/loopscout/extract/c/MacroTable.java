package io.loopscout.extract.c;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code #define}s of a C file and its local includes, and which of them hide control flow (case labels,
 * switches, gotos, label-address tables, unbalanced braces) and so must be expanded before parsing.
 *
 * <p>Every definition is kept, also those on both sides of an {@code #if}: a name with two different
 * control-flow definitions (Lua's {@code vmdispatch} as {@code switch} or as {@code goto *}) yields two
 * expansion variants, and a pattern counts if either has it.
 */
public final class MacroTable {

    /**
     * One definition.
     *
     * @param params null for an object-like macro; the parameter names otherwise ({@code __VA_ARGS__} last when
     *               variadic)
     * @param body   the replacement text on one line, comments removed
     * @param source the file it was read from
     */
    public record Definition(String name, List<String> params, String body, String source, List<String> identifiers) {

        /** A definition; its identifiers are read once here (tables are combined per file, bodies are not). */
        public Definition(String name, List<String> params, String body, String source) {
            this(name, params, body, source, List.copyOf(CLexer.identifiers(body)));
        }

        /** True for a function-like macro. */
        public boolean functionLike() {
            return params != null;
        }
    }

    private static final Set<String> FLOW_KEYWORDS = Set.of(
            "case", "switch", "goto", "break", "continue", "return");
    /** Object-like macros starting with these stand for a statement fragment ({@code while (0)}, {@code for(;;)}). */
    private static final Set<String> FRAGMENT_STARTS = Set.of("while", "do", "for", "if", "else");

    private final Map<String, List<Definition>> definitions;
    /** The texts (includes) holding a {@code &&label} table: path → how many label addresses it takes. */
    private final Map<String, Integer> labelTables;
    private Set<String> controlFlow;
    private Map<String, Definition> noise;
    private Set<String> places;
    /** Statement macros storing fixed places (a subset of {@link #places}): name → the places they store. */
    private Map<String, Set<String>> stores;

    private MacroTable(Map<String, List<Definition>> definitions, Map<String, Integer> labelTables) {
        this.definitions = definitions;
        this.labelTables = labelTables;
    }

    /** An empty table. */
    public static MacroTable empty() {
        return new MacroTable(new LinkedHashMap<>(), Map.of());
    }

    /** The definitions of one source text. */
    public static MacroTable of(String source, String text) {
        Map<String, List<Definition>> defs = new LinkedHashMap<>();
        scanDefines(source, text, defs);
        return new MacroTable(defs, Map.of());
    }

    /**
     * The definitions of several texts (path → text, e.g. the local includes of a file), in map order. Also
     * notes whether they hold a {@code &&label} table (Lua's ljumptab.h is included inside a function).
     */
    public static MacroTable of(Map<String, String> texts) {
        Map<String, List<Definition>> defs = new LinkedHashMap<>();
        Map<String, Integer> tables = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            scanDefines(e.getKey(), e.getValue(), defs);
            int addresses = e.getValue().contains("&&") ? CLexer.labelAddressCount(e.getValue()) : 0;
            if (addresses > 0) {
                tables.put(e.getKey(), addresses);
            }
        }
        return new MacroTable(defs, tables);
    }

    /**
     * The size of the {@code &&label} table a function's computed gotos use when it is defined outside the
     * function: in the include the function itself includes (Lua's {@code #include "ljumptab.h"} inside
     * {@code luaV_execute}), else the largest table among the includes, else one built by a macro; 0 for none.
     */
    public int labelAddressTable(String functionText) {
        for (String name : LocalIncludes.quotedIncludes(functionText)) {
            for (Map.Entry<String, Integer> t : labelTables.entrySet()) {
                if (t.getKey().equals(name) || t.getKey().endsWith("/" + name)) {
                    return t.getValue();
                }
            }
        }
        int largest = labelTables.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return largest > 0 ? largest : definitions.values().stream().flatMap(List::stream)
                .mapToInt(d -> CLexer.labelAddressCount(d.body())).max().orElse(0);
    }

    /** This table's definitions first, then those of {@code other} (a file's own macros win over includes'). */
    public MacroTable then(MacroTable other) {
        if (other.definitions.isEmpty() && other.labelTables.isEmpty()) {
            return this;
        }
        Map<String, List<Definition>> defs = new LinkedHashMap<>();
        definitions.forEach((k, v) -> defs.put(k, new ArrayList<>(v)));
        other.definitions.forEach((k, v) -> defs.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        Map<String, Integer> tables = new LinkedHashMap<>(labelTables);
        other.labelTables.forEach(tables::putIfAbsent);
        return new MacroTable(defs, tables);
    }

    /** The tables' definitions in list order, merged in one pass. */
    public static MacroTable concat(List<MacroTable> tables) {
        Map<String, List<Definition>> defs = new LinkedHashMap<>();
        Map<String, Integer> labelTables = new LinkedHashMap<>();
        for (MacroTable t : tables) {
            t.definitions.forEach((k, v) -> defs.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            t.labelTables.forEach(labelTables::putIfAbsent);
        }
        return new MacroTable(defs, labelTables);
    }

    /** True when no macro is defined. */
    public boolean isEmpty() {
        return definitions.isEmpty();
    }

    /** All definitions of {@code name}, in priority order; empty when undefined. */
    public List<Definition> definitions(String name) {
        return definitions.getOrDefault(name, List.of());
    }

    /**
     * True when some definition of function-like macro {@code name} stores into its parameter number
     * {@code index} ({@code #define GETCHARINC(c, p) c = *p++;}): an invocation with a variable there assigns it.
     */
    public boolean assignsArgument(String name, int index) {
        for (Definition d : definitions(name)) {
            if (!d.functionLike() || index >= d.params().size()) {
                continue;
            }
            String p = java.util.regex.Pattern.quote(d.params().get(index));
            if (java.util.regex.Pattern.compile("(?<![\\w.>])" + p + "\\s*([-+*/%&|^]|<<|>>)?=(?!=)|(\\+\\+|--)\\s*"
                    + p + "\\b|(?<![\\w.>])" + p + "\\s*(\\+\\+|--)").matcher(d.body()).find()) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code name} is an object-like macro (a constant such as {@code BZ_X_MAGIC_1}). */
    public boolean isObjectLike(String name) {
        List<Definition> d = definitions.get(name);
        return d != null && !d.get(0).functionLike();
    }

    /** Names of the macros whose expansion contains control flow, directly or through other such macros. */
    public synchronized Set<String> controlFlowMacros() {
        if (controlFlow == null) {
            Set<String> found = new HashSet<>();
            definitions.forEach((name, defs) -> {
                if (defs.stream().anyMatch(MacroTable::hasOwnControlFlow)) {
                    found.add(name);
                }
            });
            // Fixpoint: PT_WAIT_UNTIL hides LC_SET, which hides a case label.
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Map.Entry<String, List<Definition>> e : definitions.entrySet()) {
                    if (found.contains(e.getKey())) {
                        continue;
                    }
                    for (Definition d : e.getValue()) {
                        if (d.identifiers().stream().anyMatch(found::contains)) {
                            found.add(e.getKey());
                            changed = true;
                            break;
                        }
                    }
                }
            }
            controlFlow = Collections.unmodifiableSet(found);
        }
        return controlFlow;
    }

    private static final java.util.regex.Pattern PLACE = java.util.regex.Pattern.compile(
            "\\**\\(*\\**[A-Za-z_]\\w*\\)*(?:(?:->|\\.)[A-Za-z_]\\w*|\\[\\w+\\])*");
    private static final java.util.regex.Pattern CAST_PREFIX = java.util.regex.Pattern.compile(
            "^\\((?:const|enum|struct|unsigned|signed)?[A-Za-z_]\\w*\\**\\)");

    /**
     * Function-like macros that read or store one fixed place, a state kept behind accessors (http-parser's
     * {@code CURRENT_STATE()} = {@code p_state}, {@code UPDATE_STATE(V)} = {@code p_state = (enum state) (V);}):
     * expanded like control flow, so that {@code switch (CURRENT_STATE())} switches on the variable the cases
     * store into rather than on a call's value. The place may not use a parameter (that is a fetch through the
     * argument, {@code NEXT(p)} = {@code *(p)++}), and a store is the body's one statement.
     */
    public synchronized Set<String> placeMacros() {
        if (places == null) {
            Set<String> found = new HashSet<>();
            Set<String> flow = controlFlowMacros();
            definitions.forEach((name, defs) -> {
                if (!flow.contains(name) && defs.size() == 1 && isPlaceAccess(defs.get(0))) {
                    found.add(name);
                }
            });
            // Statement macros that store fixed places (libvterm's ENTER_STATE(st), zlib-ng's SET_BAD(msg)) and
            // macros made only of such stores and invocations of them (ENTER_NORMAL_STATE() = ENTER_STATE(NORMAL)).
            Map<String, Set<String>> storing = new java.util.HashMap<>();
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Map.Entry<String, List<Definition>> e : definitions.entrySet()) {
                    if (!found.contains(e.getKey()) && !flow.contains(e.getKey()) && e.getValue().size() == 1) {
                        Set<String> stored = storedPlaces(e.getValue().get(0), found, storing);
                        if (stored != null) {
                            found.add(e.getKey());
                            storing.put(e.getKey(), stored);
                            changed = true;
                        }
                    }
                }
            }
            places = Collections.unmodifiableSet(found);
            stores = Collections.unmodifiableMap(storing);
        }
        return places;
    }

    private static final java.util.regex.Pattern STATEMENT_WRAPPER = java.util.regex.Pattern.compile(
            "^(?:do\\{(.*)\\}while\\(0\\)|\\{(.*)\\})$");
    private static final java.util.regex.Pattern INVOCATION = java.util.regex.Pattern.compile(
            "^([A-Za-z_]\\w*)\\((.*)\\)$");

    /**
     * True for a function-like macro whose body, inside an optional {@code do { } while (0)} or braces, is a
     * sequence of statements each of which stores a fixed place (one using no parameter: {@code p->state = st;})
     * or invokes a macro of {@code found}; at least one statement, no other control flow. Returns the places it
     * stores (with those of the statement macros it invokes, from {@code storing}), or null when it is no such
     * macro.
     */
    private static Set<String> storedPlaces(Definition d, Set<String> found, Map<String, Set<String>> storing) {
        if (!d.functionLike()) {
            return null;
        }
        String body = d.body().replaceAll("\\s+", "");
        while (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1);
        }
        java.util.regex.Matcher wrapped = STATEMENT_WRAPPER.matcher(body);
        if (wrapped.matches()) {
            body = wrapped.group(1) != null ? wrapped.group(1) : wrapped.group(2);
        }
        if (body.isEmpty() || body.contains("{") || body.contains("}") || body.contains("\"")) {
            return null;
        }
        Set<String> places = new HashSet<>();
        for (String stmt : body.split(";")) {
            if (stmt.isEmpty()) {
                continue;
            }
            java.util.regex.Matcher call = INVOCATION.matcher(stmt);
            if (call.matches() && found.contains(call.group(1))) {
                places.addAll(storing.getOrDefault(call.group(1), Set.of()));
                places.add("");
                continue;
            }
            if (!isFixedStore(stmt, d.params())) {
                return null;
            }
            places.add(stmt.substring(0, stmt.indexOf('=')));
        }
        places.remove("");
        return places.isEmpty() ? null : places;
    }

    /**
     * The statement macros that store fixed places (libvterm's {@code ENTER_STATE}), each with the places it
     * stores (white space removed): expanded only in a text that switches on one of them.
     */
    public synchronized Map<String, Set<String>> storeMacros() {
        placeMacros();
        return stores;
    }

    /** {@code place = value} with a plain {@code =}, a place that uses no parameter and no comma. */
    private static boolean isFixedStore(String stmt, List<String> params) {
        int eq = stmt.indexOf('=');
        if (eq <= 0 || eq + 1 >= stmt.length() || stmt.charAt(eq + 1) == '=' || stmt.contains(",")
                || "=!<>+-*/%&|^".indexOf(stmt.charAt(eq - 1)) >= 0 || stmt.indexOf('=', eq + 1) >= 0) {
            return false;
        }
        return isFixedPlace(stmt.substring(0, eq), params);
    }

    /** A place ({@code p->state}, {@code s.mode}, {@code *q}) that uses none of {@code params}. */
    private static boolean isFixedPlace(String place, List<String> params) {
        if (!PLACE.matcher(place).matches() || CAST_PREFIX.matcher(place).find()) {
            return false;
        }
        for (String id : CLexer.identifiers(place)) {
            if (params.contains(id)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlaceAccess(Definition d) {
        if (!d.functionLike()) {
            return false;
        }
        String body = d.body().replaceAll("\\s+", "");
        while (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1);
        }
        if (body.isEmpty() || body.contains(";") || body.contains(",")) {
            return false;
        }
        if (body.indexOf('=') >= 0) {
            return isFixedStore(body, d.params());
        }
        return d.params().isEmpty() && isFixedPlace(body, d.params());
    }

    /**
     * Macros that only decorate declarations and defeat tree-sitter when unknown: object-like macros defined
     * empty or as storage and qualifier keywords ({@code FAR}, {@code ZEXPORT}, {@code local}), and function-like
     * macros that return an argument unchanged ({@code OF(args)}). Name → the definition to expand.
     */
    public synchronized Map<String, Definition> noiseMacros() {
        if (noise == null) {
            Map<String, Definition> found = new java.util.HashMap<>();
            Set<String> flow = controlFlowMacros();
            definitions.forEach((name, defs) -> {
                if (!flow.contains(name)) {
                    // Platform branches define FAR as _far or as nothing: the portable, empty one parses.
                    defs.stream().filter(MacroTable::isNoise).findFirst().ifPresent(d -> found.put(name, d));
                }
            });
            noise = Collections.unmodifiableMap(found);
        }
        return noise;
    }

    private static final Set<String> DECORATION = Set.of("static", "const", "inline", "__inline", "__inline__",
            "extern", "volatile", "register", "__cdecl", "__stdcall", "__fastcall", "__restrict", "restrict");

    private static boolean isNoise(Definition d) {
        String body = d.body().strip();
        if (!d.functionLike()) {
            // Empty, or a postfix operand such as lz4's "#define KB *(1<<10)" in "128 KB".
            if (body.isEmpty() || "*/%+-<>&|^".indexOf(body.charAt(0)) >= 0) {
                return true;
            }
            List<String> ids = d.identifiers();
            return !ids.isEmpty() && DECORATION.containsAll(ids) && body.chars().allMatch(
                    c -> Character.isLetterOrDigit(c) || c == '_' || c == ' ' || c == '\t');
        }
        return d.params().size() == 1 && body.equals(d.params().get(0));
    }

    /** The distinct control-flow definitions of {@code name} (more than one means two expansion variants). */
    public List<Definition> alternatives(String name) {
        List<Definition> out = new ArrayList<>();
        Set<String> bodies = new HashSet<>();
        Set<String> flow = controlFlowMacros();
        for (Definition d : definitions(name)) {
            boolean isFlow = hasOwnControlFlow(d) || d.identifiers().stream().anyMatch(flow::contains);
            if (isFlow && bodies.add(String.valueOf(d.params()) + "\u0000" + d.body().strip())) {
                out.add(d);
            }
        }
        return out;
    }

    /** True when the body itself hides control flow or label addresses. */
    static boolean hasOwnControlFlow(Definition d) {
        String body = d.body();
        List<String> ids = d.identifiers();
        for (String id : ids) {
            if (FLOW_KEYWORDS.contains(id)) {
                return true;
            }
        }
        if (!d.functionLike() && !ids.isEmpty() && FRAGMENT_STARTS.contains(ids.get(0))
                && body.stripLeading().startsWith(ids.get(0))) {
            return true;
        }
        if (CLexer.hasLabelAddress(body) || hasDefaultLabel(body) || isLabel(body)) {
            return true;
        }
        return CLexer.braceBalance(body) != 0;
    }

    /** A body that defines a label ({@code L_##op:}), as dispatch macros for jump tables do. */
    private static boolean isLabel(String body) {
        return body.matches("[A-Za-z_][\\w#\\s]*:\\s*");
    }

    private static boolean hasDefaultLabel(String body) {
        int i = body.indexOf("default");
        while (i >= 0) {
            int j = i + "default".length();
            while (j < body.length() && Character.isWhitespace(body.charAt(j))) {
                j++;
            }
            if (j < body.length() && body.charAt(j) == ':') {
                return true;
            }
            i = body.indexOf("default", i + 1);
        }
        return false;
    }

    /** Reads every {@code #define} of {@code text}, joining continuation lines and dropping comments. */
    private static void scanDefines(String source, String text, Map<String, List<Definition>> out) {
        int pos = text.indexOf("define");
        while (pos >= 0) {
            int lineStart = text.lastIndexOf('\n', pos) + 1;
            if (isDefineDirective(text, lineStart, pos)) {
                StringBuilder logical = new StringBuilder();
                int end = logicalLineEnd(text, pos, logical);
                Definition d = parseDefinition(logical.toString().substring("define".length()), source);
                if (d != null) {
                    out.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
                }
                pos = text.indexOf("define", end);
            } else {
                pos = text.indexOf("define", pos + 6);
            }
        }
    }

    private static boolean isDefineDirective(String text, int lineStart, int pos) {
        int i = lineStart;
        while (i < pos && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i >= pos || text.charAt(i) != '#') {
            return false;
        }
        i++;
        while (i < pos && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i == pos;
    }

    /** Appends the directive from {@code pos} to its logical end (backslash continuations) and returns that end. */
    private static int logicalLineEnd(String text, int pos, StringBuilder logical) {
        int i = pos;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < n && (text.charAt(i + 1) == '\n' || text.charAt(i + 1) == '\r')) {
                i += text.charAt(i + 1) == '\r' && i + 2 < n && text.charAt(i + 2) == '\n' ? 3 : 2;
                logical.append(' ');
                continue;
            }
            if (c == '\n') {
                break;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                logical.append(' ');
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                break;
            }
            logical.append(c == '\r' ? ' ' : c);
            i++;
        }
        return i;
    }

    private static Definition parseDefinition(String rest, String source) {
        int i = 0;
        int n = rest.length();
        while (i < n && Character.isWhitespace(rest.charAt(i))) {
            i++;
        }
        int nameStart = i;
        while (i < n && CLexer.isIdentPart(rest.charAt(i))) {
            i++;
        }
        if (i == nameStart || !CLexer.isIdentStart(rest.charAt(nameStart))) {
            return null;
        }
        String name = rest.substring(nameStart, i);
        List<String> params = null;
        if (i < n && rest.charAt(i) == '(') {
            int close = rest.indexOf(')', i);
            if (close < 0) {
                return null;
            }
            params = new ArrayList<>();
            for (String p : rest.substring(i + 1, close).split(",")) {
                String t = p.strip();
                if (t.equals("...")) {
                    params.add("__VA_ARGS__");
                } else if (t.endsWith("...")) {
                    params.add(t.substring(0, t.length() - 3).strip());
                } else if (!t.isEmpty()) {
                    params.add(t);
                }
            }
            i = close + 1;
        }
        return new Definition(name, params == null ? null : List.copyOf(params), rest.substring(i).strip(), source);
    }
}
