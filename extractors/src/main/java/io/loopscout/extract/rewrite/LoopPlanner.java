package io.loopscout.extract.rewrite;

import io.loopscout.extract.Finding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the {@code #[loop_match]} rewrite of one state loop (shared/loop-match.md) in three steps:
 * <ol>
 *   <li>preconditions no normalisation can change ({@link StateLoopAnalysis#checkPreconditions});</li>
 *   <li>the {@linkplain #NORMALISATIONS normalisations}, in sequence, each re-parsed, each may refuse;</li>
 *   <li>analysis of the normalised loop ({@link StateLoopAnalysis#analyse}) and emission ({@link LoopEmitter};
 *       {@link ReadyFormEmitter} for a loop already in the accepted shape).</li>
 * </ol>
 * The result is
 * <pre>
 * #[cfg_attr(loop_match, loop_match)]
 * 'state_loop: loop {
 *     state = 'next_state: { match state {
 *         A =&gt; { ..; #[cfg_attr(loop_match, const_continue)] break 'next_state B; }
 *         C =&gt; { if x { break 'state_loop; } state }      // an arm that may keep the state yields it
 *     } }
 * }
 * </pre>
 * Pure: no files, no compiler. Its verdict is the one judge of {@code eligible}/{@code reason}.
 */
final class LoopPlanner {

    /**
     * The normalisations, applied in this order. A chain flattening (consecutive {@code match current_block}
     * blocks into one match) goes first: the others expect one match.
     */
    static final List<Normalisation> NORMALISATIONS = List.of(
            new ChainFlattening(),
            new InlineArmMacro(),
            new AssignedMatchIntoArms(),
            new StatementsIntoArms());

    /** How a field state is copied into the local the loop dispatches on. */
    enum StateCopy {
        /** {@code let mut mode = self.mode;}: byte-minimal, for a {@code Copy} type. */
        PLAIN,
        /**
         * An exhaustive identity match ({@code match self.mode { A => A, .. }}) through one local macro: builds on
         * stable for a fieldless enum that is not {@code Copy} (rustc E0507 otherwise), and LLVM makes it a load.
         */
        IDENTITY_MATCH
    }

    private final LoopSite site;
    private final List<Normalisation> normalisations;
    private final StateCopy copy;

    /**
     * @param site the loop to plan
     */
    LoopPlanner(LoopSite site) {
        this(site, NORMALISATIONS, StateCopy.PLAIN);
    }

    LoopPlanner(LoopSite site, StateCopy copy) {
        this(site, NORMALISATIONS, copy);
    }

    LoopPlanner(LoopSite site, List<Normalisation> normalisations, StateCopy copy) {
        this.site = site;
        this.normalisations = normalisations;
        this.copy = copy;
    }

    LoopPlan plan() {
        Finding finding = site.finding();
        int startLine = site.loop().startLine();
        int endLine = site.loop().endLine();
        List<String> applied = new ArrayList<>();
        LoopSite current = site;
        try {
            StateLoopAnalysis.checkPreconditions(site);
            // a loop already in the accepted shape needs the attributes only (and no normalisation)
            var ready = ReadyFormEmitter.readyAssignment(site.loop());
            if (ready != null) {
                Emission e = ReadyFormEmitter.emit(site, ready);
                return new LoopPlan(finding, startLine, endLine, null, "", e.edits(), e.constTransitions(),
                        e.dynamicTransitions(), applied);
            }
            for (Normalisation n : normalisations) {
                List<TextEdit> edits = n.apply(current);
                if (!edits.isEmpty()) {
                    String text = TextEdit.apply(current.src(), edits);
                    LoopSite before = current;
                    current = current.reparsed(text, shifted(current.loop().start, edits));
                    closeReparsed(before);
                    // the finding named the variable before this step; a normalisation may dispatch on its own
                    current = current.withFinding(current.finding().toBuilder().stateVariable("").build());
                    applied.add(n.id());
                }
            }
            StateLoop analysed = StateLoopAnalysis.analyse(current);
            if (copy == StateCopy.IDENTITY_MATCH && analysed.field()) {
                applied.add("identity-copy");
            }
            Emission e = LoopEmitter.emit(copy == StateCopy.IDENTITY_MATCH ? analysed.copiedByMatch() : analysed);
            List<TextEdit> edits = current == site ? e.edits() : composed(current, e.edits());
            return new LoopPlan(finding, startLine, endLine, null, "", edits, e.constTransitions(),
                    e.dynamicTransitions(), applied);
        } catch (Refusal r) {
            return LoopPlan.refused(finding, startLine, endLine, r.reason, r.getMessage());
        } catch (RuntimeException e) {
            // one loop the planner cannot handle must not cost the file its other loops (or its findings)
            return LoopPlan.refused(finding, startLine, endLine, RefusalReason.PLANNER_ERROR, e.toString());
        } finally {
            closeReparsed(current);
        }
    }

    /**
     * Frees the tree of a normalised version of the file (never the caller's tree of the original) once planning
     * has moved past it: the plan keeps text edits only, and trees left to the garbage collector pile up natively.
     */
    private void closeReparsed(LoopSite version) {
        if (version.file() != site.file()) {
            version.file().close();
        }
    }

    /** Where a byte at {@code offset} lands after {@code edits} (insertions at the offset itself go before it). */
    static int shifted(int offset, List<TextEdit> edits) {
        int out = offset;
        for (TextEdit e : edits) {
            if (e.end() <= offset && (e.start() < offset || e.start() == e.end())) {
                out += e.text().getBytes(StandardCharsets.UTF_8).length - (e.end() - e.start());
            }
        }
        return out;
    }

    /**
     * One edit of the original text that yields what the normalisations and the emission made of the loop: the
     * differing middle, widened to cover at least the whole loop so that edits of other loops never overlap it.
     */
    private List<TextEdit> composed(LoopSite normalised, List<TextEdit> emitted) {
        byte[] before = site.src();
        byte[] after = TextEdit.apply(normalised.src(), emitted).getBytes(StandardCharsets.UTF_8);
        int prefix = 0;
        int max = Math.min(before.length, after.length);
        while (prefix < max && before[prefix] == after[prefix]) {
            prefix++;
        }
        prefix = Math.min(prefix, site.loop().start);
        int suffix = 0;
        while (suffix < max - prefix && before[before.length - 1 - suffix] == after[after.length - 1 - suffix]) {
            suffix++;
        }
        suffix = Math.min(suffix, before.length - site.loop().end);
        String middle = new String(after, prefix, after.length - suffix - prefix, StandardCharsets.UTF_8);
        return List.of(new TextEdit(prefix, before.length - suffix, middle));
    }
}
