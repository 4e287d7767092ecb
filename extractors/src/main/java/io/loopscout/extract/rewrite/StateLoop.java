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
 */
record StateLoop(LoopSite site, SyntaxNode match, SyntaxNode scrutinee, List<SyntaxNode> arms, String state,
        String stateText, boolean field, String local) {
}
