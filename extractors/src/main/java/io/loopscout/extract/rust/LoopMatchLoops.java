package io.loopscout.extract.rust;

import io.loopscout.extract.Pattern;

/** {@code rust/loop-match}: loops already annotated {@code #[loop_match]}, directly or through cfg_attr. */
final class LoopMatchLoops implements RustLoopFamily {

    @Override
    public Pattern classify(LoopAnalysis loop) {
        return loop.annotatedLoopMatch ? Pattern.RUST_LOOP_MATCH : null;
    }
}
