package io.loopscout.runner.translate;

/** The builds of one C library that a {@link CComparison} sets side by side; C is the reference. */
public enum CVariant {
    C("C", "the C library compiled with cc -O2"),
    A("c2rust", "c2rust's translation as it is"),
    A_PRIME("c2rust (A')", "the translation again, copied and built separately: the A/A noise floor"),
    R("c2rust renumbered", "the translation with current_block's hash constants renumbered 0..N (u8): nothing else changed"),
    B("c2rust + loop_match", "renumbered, current_block chains flattened into one match on a dense state and rewritten to #[loop_match] (--cfg loop_match)"),
    F("c2rust flattened", "B's source built without --cfg loop_match: the flattening alone, a plain loop and match"),
    B_FLAG("c2rust + loop_match + LLVM flag", "B built with -Cllvm-args=-enable-dfa-jump-thread as well"),
    D("c2rust + LLVM flag", "the translation built with -Cllvm-args=-enable-dfa-jump-thread"),
    RUST_PORT("Rust port", "the hand-written Rust port, for context");

    private final String label;
    private final String description;

    CVariant(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** The column label in reports. */
    public String label() {
        return label;
    }

    /** One sentence on how the variant is built. */
    public String description() {
        return description;
    }

    /** A directory-safe id. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
