package io.loopscout.runner;

import java.io.Serializable;

/**
 * What was measured for one variant (A, B, D, A', or C for a C reference).
 *
 * @param variant        the variant name
 * @param runs           timed runs (warm-up excluded)
 * @param medianSeconds  median wall time of one run
 * @param cv             coefficient of variation of the run times
 * @param instructions   callgrind Ir, or null when not counted
 * @param branches       conditional + indirect branches executed, or null
 * @param mispredictions simulated conditional + indirect mispredictions, or null
 */
public record VariantStats(String variant, int runs, double medianSeconds, double cv, Long instructions,
                           Long branches, Long mispredictions) implements Serializable {
}
