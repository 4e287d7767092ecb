package io.loopscout.extract.rust;

import io.loopscout.extract.Pattern;

/** One Rust pattern family: says whether an analysed loop belongs to it, and under which pattern id. */
interface RustLoopFamily {

    /** The pattern this loop is an instance of in this family, or null. */
    Pattern classify(LoopAnalysis loop);
}
