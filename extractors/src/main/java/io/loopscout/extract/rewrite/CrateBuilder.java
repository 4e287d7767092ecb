package io.loopscout.extract.rewrite;

import java.nio.file.Path;
import java.util.List;

/**
 * Compiles a crate for the rewriter's verification. The default, {@link CargoCrateBuilder}, runs cargo as a
 * real process; the native runner can route the same calls through its sandbox.
 */
public interface CrateBuilder {

    /** How a crate is built: plain stable, or with the {@code #[loop_match]} attributes switched on. */
    enum Variant {
        /** No RUSTC_BOOTSTRAP, no extra cfg: what a user on stable builds. */
        STABLE,
        /** {@code RUSTC_BOOTSTRAP=1 RUSTFLAGS="--cfg loop_match"}: variant B of every measurement. */
        LOOP_MATCH,
        /**
         * {@code RUSTC_BOOTSTRAP=1} without the cfg: the baseline of a crate that declares {@code #![feature(..)]}
         * itself (c2rust's output), which no stable build accepts (E0554).
         */
        BOOTSTRAPPED;

        /** True when rustc must accept {@code #![feature]}. */
        public boolean bootstrapped() {
            return this != STABLE;
        }

        /** True when the build sets {@code --cfg loop_match}. */
        public boolean loopMatch() {
            return this == LOOP_MATCH;
        }
    }

    /** The outcome of one build. */
    record Outcome(boolean ok, String firstError, String log) {
    }

    /** Makes the crate buildable offline (fetches its dependencies); called once before {@link #build}. */
    Outcome prepare(Path crateDir);

    /** Type-checks and lowers the crate's default targets (enough to see every #[loop_match] error), offline. */
    default Outcome build(Path crateDir, Variant variant) {
        return build(crateDir, variant, List.of());
    }

    /**
     * Like {@link #build(Path, Variant)} for the given cargo target selection ({@code --lib},
     * {@code --bin NAME}; empty: cargo's default targets). The rewriter builds only the targets its rewrite
     * touches, so an unrelated bin or example that fails on today's rustc does not refuse the crate.
     */
    Outcome build(Path crateDir, Variant variant, List<String> targets);
}
