package io.loopscout.extract.rewrite;

import java.util.List;

/**
 * What the emission step produces for one loop.
 *
 * @param edits              the edits, relative to the text the emission saw
 * @param constTransitions   transitions turned into {@code #[const_continue] break 'blk X}
 * @param dynamicTransitions transitions turned into {@code break 'blk expr}
 */
record Emission(List<TextEdit> edits, int constTransitions, int dynamicTransitions) {

    Emission {
        edits = List.copyOf(edits);
    }
}
