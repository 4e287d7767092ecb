package io.loopscout.extract.rewrite;

import io.loopscout.extract.rewrite.flatten.RelooperFlattening;
import java.util.List;

/**
 * The chain-flattening normalisation ({@link RelooperFlattening}): consecutive {@code match current_block}
 * blocks in a loop body, nested {@code loop { match current_block }} blocks and the resume chain before the
 * loop become one match on a dense state. A loop that is not such a chain gets no edits.
 */
final class ChainFlattening implements Normalisation {

    @Override
    public String id() {
        return "flatten-chain";
    }

    @Override
    public List<TextEdit> apply(LoopSite site) {
        String variable = site.finding().stateVariable();
        if (!RelooperFlattening.applies(site.loop(), variable)) {
            return List.of();
        }
        RelooperFlattening.Outcome o = RelooperFlattening.flatten(site.src(), site.loop(), site.scope(), variable);
        if (o instanceof RelooperFlattening.Flattened f) {
            return f.edits();
        }
        RelooperFlattening.NotFlattened n = (RelooperFlattening.NotFlattened) o;
        throw new Refusal(RefusalReason.CHAIN_NOT_FLATTENED, n.reason() + ": " + n.detail());
    }
}
