package io.loopscout.extract.rewrite;

import io.loopscout.extract.parse.SyntaxNode;
import io.loopscout.extract.rust.StatePlace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Normalisation: statements around the state match move into its arms. A prologue (statements before the match
 * that do not change the state) goes to the head of every arm: the dispatch reads the same state either way. An
 * epilogue (statements after the match) goes to the end of every path of every arm that completes normally:
 * before a final constant transition when it neither reads nor changes the state (a constant has no effects, so
 * the order does not matter) so that the transition stays a {@code #[const_continue]}; after everything the arm
 * does when it uses a local state ({@code i += 1; current_block = Block18;}), as it ran before. Paths that leave the arm with
 * {@code continue}, {@code break} or {@code return} skipped the epilogue before and still do. Items
 * ({@code macro_rules!}, {@code fn}, {@code use}) stay in the loop body: the emission opens the dispatch block
 * before them (rustc's {@code #[loop_match]} ignores items there, and a macro keeps the loop label in scope).
 *
 * <p>Refuses ({@code statements-around-match}) when a statement may change the state on a path that reaches
 * the match, when the epilogue mentions a field state, when a moved {@code let} would shadow an arm binding, and for
 * a field state when a moved statement may reach the state's owner ({@code self.f()}, {@code foo(s)}, calls in
 * unsafe code); refuses ({@code duplication-cap}) when the copies would exceed {@link #CAP_PER_COPY} bytes each
 * or {@link #CAP_TOTAL} bytes in all.
 */
final class StatementsIntoArms implements Normalisation {

    static final int CAP_PER_COPY = 1024;
    static final int CAP_TOTAL = 16 * 1024;

    @Override
    public String id() {
        return "statements-into-arms";
    }

    @Override
    public List<TextEdit> apply(LoopSite site) {
        SyntaxNode body = site.loop().child("body");
        if (body == null) {
            return List.of();
        }
        List<SyntaxNode> stmts = body.statements();
        int at = dispatchIndex(stmts, site);
        if (at < 0) {
            return List.of();
        }
        List<SyntaxNode> prologue = new ArrayList<>();
        List<SyntaxNode> epilogue = new ArrayList<>();
        for (int i = 0; i < stmts.size(); i++) {
            SyntaxNode st = stmts.get(i);
            if (i == at || isItem(st)) {
                continue;
            }
            (i < at ? prologue : epilogue).add(st);
        }
        if (prologue.isEmpty() && epilogue.isEmpty()) {
            return List.of();
        }
        for (SyntaxNode c : body.namedChildren()) {
            if (c.is("attribute_item", "inner_attribute_item")) {
                return List.of(); // an attribute on a statement of the body: left to the analysis to refuse
            }
        }
        SyntaxNode match = stmts.get(at).expression();
        // a cast scrutinee is refused for itself, not for the statements around it
        StateLoopAnalysis.checkNotCast(match.child("value"));
        Place place = Place.of(match.child("value"));
        if (place == null) {
            return List.of();
        }
        List<SyntaxNode> arms = Syntax.arms(match);
        Set<String> armBindings = armBindings(arms);
        String fnText = site.scope();
        boolean unsafeCode = fnText.startsWith("unsafe") || fnText.matches("(?s)^[^{]*\\bunsafe\\s+fn\\b.*");
        Methods methods = new Methods(site.text(), place);
        for (SyntaxNode st : prologue) {
            check(st, place, false, armBindings, unsafeCode, methods);
        }
        boolean epilogueUsesState = false;
        for (SyntaxNode st : epilogue) {
            epilogueUsesState |= check(st, place, true, armBindings, unsafeCode, methods);
        }
        byte[] src = site.src();
        String proAll = joined(src, prologue);
        String epi = joined(src, epilogue);
        List<TextEdit> edits = new ArrayList<>();
        int copies = 0;
        Epilogue epilogueWriter = new Epilogue(Syntax.squash(match.child("value").text()), site.scope(), src,
                epilogueUsesState);
        for (SyntaxNode arm : arms) {
            SyntaxNode value = arm.child("value");
            String indent = Syntax.indentAt(src, arm.start) + "    ";
            List<TextEdit> armEdits = new ArrayList<>();
            copies += epilogue.isEmpty() ? 0 : epilogueWriter.into(value, epi, indent, armEdits);
            String pro = joined(src, prologueFor(prologue, epilogue, value));
            if (!pro.isEmpty()) {
                copies++;
                if (value.is("block")) {
                    armEdits.add(TextEdit.insert(value.children().get(0).end, "\n" + indent + reindent(pro, indent)));
                }
            }
            if (!pro.isEmpty() && !value.is("block")) {
                // an expression arm becomes a block: { prologue; value [epilogue] }
                edits.add(TextEdit.insert(value.start, "{\n" + indent + reindent(pro, indent) + "\n" + indent));
                edits.addAll(armEdits);
                edits.add(TextEdit.insert(value.end, "\n" + Syntax.indentAt(src, arm.start) + "}"));
            } else {
                edits.addAll(armEdits);
            }
        }
        int bytes = copies * Math.max(proAll.length(), epi.length());
        if (proAll.length() > CAP_PER_COPY || epi.length() > CAP_PER_COPY || bytes > CAP_TOTAL) {
            throw new Refusal(RefusalReason.DUPLICATION_CAP, "moving " + (proAll.length() + epi.length())
                    + " bytes of statements into " + arms.size() + " arms would copy about " + bytes + " bytes");
        }
        for (SyntaxNode st : prologue) {
            edits.add(deletion(src, st));
        }
        for (SyntaxNode st : epilogue) {
            edits.add(deletion(src, st));
        }
        return edits;
    }

    /**
     * The prologue as one arm gets it: a declaration without a value ({@code let mut symbol;}) that neither the
     * arm nor the other moved statements mention is left out there (its type could not be inferred).
     */
    private static List<SyntaxNode> prologueFor(List<SyntaxNode> prologue, List<SyntaxNode> epilogue,
            SyntaxNode arm) {
        List<SyntaxNode> out = new ArrayList<>();
        for (SyntaxNode st : prologue) {
            if (st.is("let_declaration") && st.child("value") == null && st.child("pattern") != null) {
                StringBuilder others = new StringBuilder(arm.text());
                for (SyntaxNode o : prologue) {
                    if (o != st) {
                        others.append('\n').append(o.text());
                    }
                }
                epilogue.forEach(e -> others.append('\n').append(e.text()));
                Set<String> used = Syntax.words(others.toString());
                boolean mentioned = st.child("pattern").descendants().stream()
                        .anyMatch(n -> n.is("identifier") && used.contains(n.text()))
                        || st.child("pattern").is("identifier") && used.contains(st.child("pattern").text());
                if (!mentioned) {
                    continue;
                }
            }
            out.add(st);
        }
        return out;
    }

    /** The index of the match on the finding's state among the body's statements (the last one), or -1. */
    static int dispatchIndex(List<SyntaxNode> stmts, LoopSite site) {
        String var = site.finding().stateVariable() == null ? "" : Syntax.squash(site.finding().stateVariable());
        int found = -1;
        int matches = 0;
        for (int i = 0; i < stmts.size(); i++) {
            SyntaxNode e = stmts.get(i).expression();
            if (e.is("match_expression") && e.child("value") != null) {
                matches++;
                if (var.isEmpty() || Syntax.squash(e.child("value").text()).equals(var)) {
                    found = i;
                }
            }
        }
        return var.isEmpty() && matches != 1 ? -1 : found;
    }

    static boolean isItem(SyntaxNode st) {
        return st.type.endsWith("_item") && !st.is("attribute_item", "inner_attribute_item")
                || st.is("macro_definition", "use_declaration");
    }

    /** The state place: a local, or a field/deref chain with its root variable. */
    record Place(String compact, String root, boolean local) {
        static Place of(SyntaxNode scrutinee) {
            if (scrutinee == null) {
                return null;
            }
            String c = scrutinee.compact();
            if (scrutinee.is("identifier")) {
                return new Place(c, c, true);
            }
            if (!StatePlace.isFieldOrDeref(scrutinee)) {
                return null;
            }
            String root = c.replaceAll("^[*(]+", "").replaceAll("[.)].*$", "");
            return new Place(c, root, false);
        }
    }

    private static Set<String> armBindings(List<SyntaxNode> arms) {
        Set<String> out = new HashSet<>();
        for (SyntaxNode arm : arms) {
            SyntaxNode pattern = arm.child("pattern");
            if (pattern == null) {
                continue;
            }
            for (SyntaxNode n : pattern.descendants()) {
                if (n.is("identifier") && !n.parent.is("scoped_identifier")
                        && Character.isLowerCase(n.text().charAt(0))) {
                    out.add(n.text());
                }
            }
        }
        return out;
    }

    /**
     * Refuses a statement that may not move; true when it is an epilogue statement that uses a local state (it
     * then goes after the arms' final transitions, where it ran before).
     */
    private static boolean check(SyntaxNode st, Place place, boolean epilogue, Set<String> armBindings,
            boolean unsafeCode, Methods methods) {
        boolean usesState = false;
        String where = (epilogue ? "the epilogue" : "the prologue") + " at line " + st.startLine();
        if (st.is("let_declaration")) {
            SyntaxNode pattern = st.child("pattern");
            for (SyntaxNode n : pattern == null ? List.<SyntaxNode>of() : pattern.descendants()) {
                if (n.is("identifier") && armBindings.contains(n.text())) {
                    throw refuse(where + " binds " + n.text() + ", which an arm pattern binds too");
                }
            }
        }
        if (!place.local() && (Syntax.has(st, "call_expression") || Syntax.has(st, "macro_invocation"))
                && (unsafeCode || Syntax.has(st, "unsafe_block"))) {
            throw refuse(where + " calls code that may reach " + place.compact() + " through a raw pointer");
        }
        for (SyntaxNode n : st.descendants()) {
            if (!n.is("identifier", "self") || !n.text().equals(place.root())) {
                continue;
            }
            if (n.parent != null && n.parent.is("scoped_identifier", "field_expression")
                    && n.parent.child("value") != n && n.parent.child("path") != n) {
                continue; // a field or path segment of that name, not the variable
            }
            SyntaxNode chain = chainAbove(n);
            boolean method = chain.parent != null && chain.parent.is("call_expression")
                    && chain.parent.child("function") == chain && chain.is("field_expression");
            String c = method ? chain.child("value").compact() : chain.compact();
            boolean state = c.equals(place.compact()) || c.startsWith(place.compact() + ".");
            boolean owner = !state && (place.compact().startsWith(c + ".") || c.equals(place.root())
                    || place.compact().startsWith("*") && c.equals(place.root()));
            if (!state && !owner) {
                continue; // another field of the same owner: disjoint from the state
            }
            if (owner && !place.local()) {
                if (method && methods.leaveAlone(chain.child("field").text())) {
                    continue; // a method of the owner that provably leaves the state field alone
                }
                if (method && !epilogue && triedStatement(chain, st)
                        && methods.leaveAloneUnlessErr(chain.child("field").text())) {
                    continue; // `self.check()?;` changes the state only on paths that leave the loop by `?`
                }
                throw refuse(where + " uses " + c + ", which may change " + place.compact());
            }
            if (epilogue && !place.local()) {
                throw refuse(where + " uses the state, which the arms' transitions change before it runs");
            }
            if (epilogue) {
                usesState = true;
                continue;
            }
            if (method || written(chain) || inside(chain, st, "closure_expression") || bound(chain, st)) {
                if (!divergesAfter(chain, st)) {
                    throw refuse(where + " may change the state before the match reads it");
                }
            }
        }
        return usesState;
    }

    /**
     * Which methods of the file leave a {@code self.field} state alone: a method taking {@code &self}, or one
     * whose body (and the {@code self} methods it calls, four calls deep) neither writes the field, borrows it
     * mutably, calls a method on it, nor hands {@code self} on whole. A name with several definitions, or none
     * in the file (a trait's, another file's), may change it.
     */
    static final class Methods {
        private final String file;
        private final String field;
        private final java.util.Map<String, Boolean> known = new java.util.HashMap<>();

        Methods(String file, Place place) {
            this.file = file;
            this.field = place.root().equals("self") && place.compact().matches("self\\.[A-Za-z_][A-Za-z0-9_]*")
                    ? place.compact().substring(5) : null;
        }

        boolean leaveAlone(String method) {
            return field != null && leaveAlone(method, 0);
        }

        /**
         * Whether {@code method} leaves the state field alone on every path that returns {@code Ok}: each call in
         * its body that may change the field, and each assignment of it, is directly followed by
         * {@code return Err(..)} ({@code self.abort(); return Err(e);}). Called as a statement {@code self.method()?;}, the state it
         * changed is then never dispatched on.
         */
        boolean leaveAloneUnlessErr(String method) {
            if (field == null || leaveAlone(method, 0)) {
                return field != null;
            }
            String code = methodCode(method);
            if (code == null || writes(code, true)) {
                return false;
            }
            java.util.regex.Matcher use = SELF_USE.matcher(code);
            while (use.find()) {
                if (use.group(1) == null) {
                    return false;
                }
                if (use.group(3) != null && !leaveAlone(use.group(2), 1) && !errReturnAfterCall(code, use.end())) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the call whose argument list opens before {@code from} is followed by {@code ; return Err}. */
        private static boolean errReturnAfterCall(String code, int from) {
            int depth = 1;
            for (int i = from; i < code.length(); i++) {
                char c = code.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return ERR_RETURN.matcher(code).region(i + 1, code.length()).lookingAt();
                }
            }
            return false;
        }

        private static final java.util.regex.Pattern SELF_USE =
                java.util.regex.Pattern.compile("\\bself\\b(\\s*\\.\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(\\()?)?");
        private static final java.util.regex.Pattern ERR_RETURN =
                java.util.regex.Pattern.compile("\\s*;\\s*return\\s+Err\\s*\\(");

        /** The body of the one method of that name taking {@code &mut self}, without comments and strings. */
        private String methodCode(String method) {
            java.util.regex.Matcher def = java.util.regex.Pattern.compile("\\bfn\\s+" + method
                    + "\\b[^{;]*?\\(\\s*(&\\s*(?:'\\w+\\s+)?(mut\\s+)?)?self\\b").matcher(file);
            if (!def.find()) {
                return null;
            }
            int at = def.start();
            if (def.find()) {
                return null;
            }
            String body = body(at);
            return body == null ? null : Syntax.withoutCommentsAndStrings(body);
        }

        /** Whether {@code code} writes the state field, borrows it mutably or calls a method on it. */
        private boolean writes(String code) {
            return writes(code, false);
        }

        /**
         * Like {@link #writes(String)}; with {@code unlessErr}, an assignment whose statement is directly followed
         * by {@code return Err(..)} does not count.
         */
        private boolean writes(String code, boolean unlessErr) {
            String f = java.util.regex.Pattern.quote(field);
            java.util.regex.Matcher assign = java.util.regex.Pattern.compile(
                    "\\bself\\s*\\.\\s*" + f + "\\s*(=[^=]|[-+*/%&|^]=|<<=|>>=)").matcher(code);
            while (assign.find()) {
                int end = code.indexOf(';', assign.end());
                if (!unlessErr || end < 0
                        || !ERR_RETURN.matcher(code).region(end, code.length()).lookingAt()) {
                    return true;
                }
            }
            return java.util.regex.Pattern.compile("\\bself\\s*\\.\\s*" + f + "\\s*[.\\[]").matcher(code).find()
                    || java.util.regex.Pattern.compile("&\\s*mut\\s+self\\s*\\.\\s*" + f + "\\b").matcher(code).find();
        }

        private boolean leaveAlone(String method, int depth) {
            Boolean k = known.get(method);
            if (k != null) {
                return k;
            }
            known.put(method, false); // a recursive call is judged by the rest of the body
            boolean ok = depth < 4 && judge(method, depth);
            known.put(method, ok);
            return ok;
        }

        private boolean judge(String method, int depth) {
            java.util.regex.Matcher def = java.util.regex.Pattern.compile("\\bfn\\s+" + method
                    + "\\b[^{;]*?\\(\\s*(&\\s*(?:'\\w+\\s+)?(mut\\s+)?)?self\\b").matcher(file);
            if (def.find() && def.group(1) != null && def.group(2) == null && !def.find()) {
                return true; // &self: cannot change the field (a fieldless enum has no interior mutability)
            }
            String code = methodCode(method);
            if (code == null || writes(code)) {
                return false;
            }
            java.util.regex.Matcher use = SELF_USE.matcher(code);
            while (use.find()) {
                if (use.group(1) == null) {
                    return false; // self handed on whole
                }
                if (use.group(3) != null && !leaveAlone(use.group(2), depth + 1)) {
                    return false;
                }
            }
            return true;
        }

        /** The text of the function body whose `fn` starts at {@code at}, by brace matching. */
        private String body(int at) {
            int open = file.indexOf('{', at);
            if (open < 0) {
                return null;
            }
            int depth = 0;
            for (int i = open; i < file.length(); i++) {
                char c = file.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return file.substring(open, i + 1);
                }
            }
            return null;
        }
    }

    private static Refusal refuse(String detail) {
        return new Refusal(RefusalReason.STATEMENTS_AROUND_MATCH, detail);
    }

    /** The largest place expression built on {@code n}: fields and derefs ({@code (*s).a.b}). */
    private static SyntaxNode chainAbove(SyntaxNode n) {
        SyntaxNode c = n;
        while (c.parent != null && (c.parent.is("field_expression") && c.parent.child("value") == c
                || c.parent.is("unary_expression") && c.parent.text().startsWith("*")
                || c.parent.is("parenthesized_expression"))) {
            c = c.parent;
        }
        return c;
    }

    private static boolean written(SyntaxNode place) {
        SyntaxNode p = place.parent;
        if (p == null) {
            return false;
        }
        if (p.is("assignment_expression", "compound_assignment_expr") && p.child("left") == place) {
            return true;
        }
        return p.is("reference_expression") && p.hasToken("mut");
    }

    /** Whether the method call on {@code chain} is the whole statement {@code st} under a {@code ?}. */
    private static boolean triedStatement(SyntaxNode chain, SyntaxNode st) {
        SyntaxNode call = chain.parent;
        SyntaxNode tried = call == null ? null : call.parent;
        return tried != null && tried.is("try_expression") && st.is("expression_statement")
                && st.expression() == tried;
    }

    private static boolean bound(SyntaxNode n, SyntaxNode top) {
        for (SyntaxNode p = n; p != null && p != top.parent; p = p.parent) {
            if ("pattern".equals(p.field) || p.is("closure_parameters", "parameters")) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(SyntaxNode n, SyntaxNode top, String type) {
        for (SyntaxNode p = n.parent; p != null && p != top.parent; p = p.parent) {
            if (p.is(type)) {
                return true;
            }
        }
        return false;
    }

    /** A write in a block that ends in {@code return} (or a diverging macro): the match never sees it. */
    private static boolean divergesAfter(SyntaxNode n, SyntaxNode top) {
        for (SyntaxNode p = n.parent; p != null && p != top.parent; p = p.parent) {
            if (Syntax.LOOPS.contains(p.type) || p.is("closure_expression")) {
                return false;
            }
            if (p.is("block")) {
                List<SyntaxNode> s = p.statements();
                SyntaxNode last = s.isEmpty() ? null : s.get(s.size() - 1).expression();
                return last != null && (last.is("return_expression")
                        || last.is("macro_invocation") && !Completion.mayComplete(last));
            }
        }
        return false;
    }

    /**
     * Where the epilogue goes in the arms of a match on {@code state}: before a final constant transition, or,
     * when it uses the state ({@code afterTransitions}), after everything the arm does, as it ran before.
     */
    private record Epilogue(String state, String scope, byte[] src, boolean afterTransitions) {

        /**
         * Adds the edits that put the epilogue at the end of every normally completing path of {@code v} (an arm
         * value); returns how many copies that makes.
         */
        int into(SyntaxNode v, String epi, String indent, List<TextEdit> out) {
            String outer = indent.substring(0, Math.max(0, indent.length() - 4));
            if (isConstTransition(v)) {
                out.add(TextEdit.insert(v.start, "{\n" + indent + reindent(epi, indent) + "\n" + indent));
                out.add(TextEdit.insert(v.end, "\n" + outer + "}"));
                return 1;
            }
            if (v.is("block")) {
                List<SyntaxNode> stmts = v.statements();
                SyntaxNode close = v.children().get(v.children().size() - 1);
                if (stmts.isEmpty()) {
                    if (Syntax.onlyWhitespace(src, Syntax.lineStart(src, close.start), close.start)) {
                        // `}` on its own line (the block holds only comments): the epilogue on lines of its own
                        String at = Syntax.indentAt(src, close.start);
                        out.add(TextEdit.insert(close.start, "    " + reindent(epi, at + "    ") + "\n" + at));
                    } else {
                        out.add(TextEdit.insert(close.start, reindent(epi, indent) + " "));
                    }
                    return 1;
                }
                SyntaxNode last = stmts.get(stmts.size() - 1);
                SyntaxNode e = last.expression();
                if (isConstTransition(e)) {
                    out.add(TextEdit.insert(last.start, reindent(epi, Syntax.indentAt(src, last.start)) + "\n"
                            + Syntax.indentAt(src, last.start)));
                    return 1;
                }
                if (e.is("if_expression") && e.child("alternative") != null) {
                    return inIf(e, epi, indent, out);
                }
                if (e.is("match_expression")) {
                    int n = 0;
                    for (SyntaxNode arm : Syntax.arms(e)) {
                        n += into(arm.child("value"), epi, indent, out);
                    }
                    return n;
                }
                if (e.is("block")) {
                    return into(e, epi, indent, out);
                }
                if (!Completion.mayComplete(last)) {
                    return 0;
                }
                boolean statement = last.is("expression_statement", "let_declaration") || isItem(last)
                        || Syntax.BLOCK_LIKE.contains(last.type);
                out.add(TextEdit.insert(last.end, (statement ? "" : ";") + "\n" + Syntax.indentAt(src, last.start)
                        + reindent(epi, Syntax.indentAt(src, last.start))));
                return 1;
            }
            if (!Completion.mayComplete(v)) {
                return 0;
            }
            if (v.text().equals("()")) {
                out.add(new TextEdit(v.start, v.end, "{\n" + indent + reindent(epi, indent) + "\n" + outer + "}"));
                return 1;
            }
            out.add(TextEdit.insert(v.start, "{\n" + indent));
            out.add(TextEdit.insert(v.end, ";\n" + indent + reindent(epi, indent) + "\n" + outer + "}"));
            return 1;
        }

        private int inIf(SyntaxNode ifExpr, String epi, String indent, List<TextEdit> out) {
            int n = into(ifExpr.child("consequence"), epi, indent, out);
            SyntaxNode alt = ifExpr.child("alternative");
            List<SyntaxNode> code = alt.namedChildren();
            if (code.isEmpty()) {
                return n;
            }
            SyntaxNode branch = code.get(0);
            if (branch.is("if_expression")) {
                if (branch.child("alternative") == null) {
                    // `else if c { .. }` without a final else: its implicit else path completes too
                    String at = Syntax.indentAt(src, ifExpr.start);
                    out.add(TextEdit.insert(branch.start, "{\n" + at + "    "));
                    out.add(TextEdit.insert(branch.end, "\n" + at + "    " + reindent(epi, at + "    ") + "\n" + at + "}"));
                    return n + 1;
                }
                return n + inIf(branch, epi, indent, out);
            }
            return n + into(branch, epi, indent, out);
        }

        private boolean isConstTransition(SyntaxNode e) {
            return !afterTransitions && e.is("assignment_expression") && Syntax.squash(e.child("left").text()).equals(state)
                    && Syntax.isConstant(e.child("right"), scope);
        }
    }

    private static String joined(byte[] src, List<SyntaxNode> stmts) {
        if (stmts.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        String base = Syntax.indentAt(src, stmts.get(0).start);
        for (SyntaxNode st : stmts) {
            if (sb.length() > 0) {
                sb.append('\n').append(base);
            }
            String t = st.text();
            boolean statement = st.is("expression_statement", "let_declaration") || isItem(st)
                    || Syntax.BLOCK_LIKE.contains(st.type);
            sb.append(t).append(statement ? "" : ";");
        }
        return sb.toString().replace("\n" + base, "\n");
    }

    /** {@code text}'s lines after the first, indented by {@code indent}. */
    private static String reindent(String text, String indent) {
        return text.replace("\n", "\n" + indent);
    }

    /** Removes a statement with its line when it stands alone on it. */
    private static TextEdit deletion(byte[] src, SyntaxNode st) {
        int from = Syntax.lineStart(src, st.start);
        int to = st.end;
        while (to < src.length && (src[to] == ' ' || src[to] == '\t' || src[to] == '\r')) {
            to++;
        }
        if (Syntax.onlyWhitespace(src, from, st.start) && to < src.length && src[to] == '\n') {
            return new TextEdit(from, to + 1, "");
        }
        return new TextEdit(st.start, st.end, "");
    }
}
