/**
 * The Rust rewriter to RFC 3720's {@code #[loop_match]} form (variant B of every measurement).
 *
 * <ul>
 *   <li>{@link io.loopscout.extract.rewrite.LoopMatchRewriter}: pure, one file's text plus the findings of the
 *       Rust extractor in, minimal text edits out ({@link io.loopscout.extract.rewrite.FileRewrite}). Each loop
 *       is planned by {@code LoopPlanner}: preconditions, then the {@code Normalisation}s in sequence
 *       ({@code InlineArmMacro}, {@code StatementsIntoArms}; the chain flattening plugs in first), then analysis
 *       ({@code StateLoopAnalysis}) and emission ({@code LoopEmitter}, {@code ReadyFormEmitter}). Its verdict is
 *       also the extractor's {@code eligible}/{@code reason} ({@link io.loopscout.extract.rewrite.LoopJudge}).</li>
 *   <li>{@link io.loopscout.extract.rewrite.CrateRewriter}: a crate directory in; finds the loops with
 *       {@code RustExtractor}, rewrites them in a scratch copy, proves each by compiling on stable and with
 *       {@code RUSTC_BOOTSTRAP=1 RUSTFLAGS="--cfg loop_match"} through a
 *       {@link io.loopscout.extract.rewrite.CrateBuilder}, reverts what does not build, and returns a
 *       {@link io.loopscout.extract.rewrite.RewriteResult} (per-loop outcomes and a unified diff).</li>
 * </ul>
 *
 * <p>Command line ({@code loopscout rewrite PATH [--patch FILE] [--check]}):
 * {@code CrateRewriter.standard().rewrite(path, mode)} with mode {@code PATCH} when {@code --patch} is given
 * (write {@code result.diff()} to FILE), {@code CHECK} for {@code --check}, else {@code IN_PLACE}. It throws
 * {@link java.lang.IllegalArgumentException} for a path without Cargo.toml, a crate that does not build before
 * any change, or lints inherited from a workspace (usage errors, exit 2).
 */
package io.loopscout.extract.rewrite;
