package io.loopscout.extract.rewrite;

import java.util.List;

/**
 * One semantics-preserving source change that brings a loop closer to the shape the emission handles (the loop
 * body is one {@code match} on the state). The planner applies the normalisations in sequence, re-parsing the
 * file after each one that changed something; any of them may refuse the loop with a typed reason.
 */
interface Normalisation {

    /** A short id, recorded in the plan ("hoist-items", "flatten-chain", ..). */
    String id();

    /**
     * The edits (byte offsets of {@code site.src()}) of this normalisation; empty when the loop needs nothing
     * from it. Edits may touch the loop statement and insert right before it (at its first byte), nothing else.
     *
     * @throws Refusal when the loop needs this step but it cannot be done safely
     */
    List<TextEdit> apply(LoopSite site);
}
