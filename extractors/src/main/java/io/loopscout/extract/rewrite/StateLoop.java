package io.loopscout.extract.rewrite;

import io.loopscout.extract.parse.SyntaxNode;
import java.util.List;

/**
 * The analysed state loop the emission works on: its one dispatching match and the state place.
 *
 * @param site      the loop
 * @param match     the match that is the loop's whole body
 * @param scrutinee the match's scrutinee
 * @param arms      the match's arms
 * @param state     the scrutinee as written, whitespace removed: {@code state}, {@code self.mode}, {@code *s}
 * @param stateText the scrutinee as written
 * @param field     true when the state is a field or deref, dispatched through a local copy
 * @param local     the local dispatched on (the state itself, or the fresh name of the copy)
 * @param copy      the expression that reads the field state's current value ({@code self.mode}, or an
 *                  identity match through {@code copyMacro} when the type is not {@code Copy})
 * @param copyMacro null, or the {@code macro_rules!} item the copies use, defined before the loop
 */
record StateLoop(LoopSite site, SyntaxNode match, SyntaxNode scrutinee, List<SyntaxNode> arms, String state,
        String stateText, boolean field, String local, String copy, String copyMacro) {

    /** The same loop, its field state copied through an exhaustive identity match (a load, for LLVM). */
    StateLoop copiedByMatch() {
        if (!field) {
            return this;
        }
        List<String> variants = new java.util.ArrayList<>();
        for (SyntaxNode arm : arms) {
            SyntaxNode pattern = arm.child("pattern");
            SyntaxNode p = pattern == null ? null : pattern.namedChildren().stream().findFirst().orElse(null);
            if (p == null || !alternatives(p, variants)) {
                throw new Refusal(RefusalReason.STATE_NOT_COPY, "the state " + stateText + " is not Copy and arm "
                        + "at line " + arm.startLine() + " does not name its variants, so no identity copy");
            }
        }
        String name = Syntax.fresh(site.scope(), "copy_" + local);
        StringBuilder m = new StringBuilder("macro_rules! " + name + " { ($s:expr) => { match $s {");
        for (String v : variants) {
            m.append(' ').append(v).append(" => ").append(v).append(',');
        }
        m.append(" } }; }");
        return new StateLoop(site, match, scrutinee, arms, state, stateText, true, local,
                name + "!(" + stateText + ")", m.toString());
    }

    /** Adds the unit variant paths of an arm pattern; false for anything else (a catch-all, a range, a binding). */
    private static boolean alternatives(SyntaxNode p, List<String> out) {
        if (p.is("or_pattern")) {
            for (SyntaxNode c : p.namedChildren()) {
                if (!alternatives(c, out)) {
                    return false;
                }
            }
            return true;
        }
        boolean path = p.is("scoped_identifier") || p.is("identifier") && Character.isUpperCase(p.text().charAt(0));
        if (path) {
            out.add(Syntax.squash(p.text()));
        }
        return path;
    }
}
