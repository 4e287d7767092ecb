package io.loopscout.runner.translate;

/** The builds of one C library that a {@link CComparison} sets side by side; C is the reference. */
public enum CVariant {
    C("C", "the C library compiled with cc -O2"),
    A("c2rust", "c2rust's translation as it is"),
    A_PRIME("c2rust (A')", "the translation again, copied and built separately: the A/A noise floor"),
    B("c2rust + loop_match", "the translation with its current_block loops rewritten to #[loop_match] (--cfg loop_match)"),
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
