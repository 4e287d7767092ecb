package io.loopscout.runner.build;

/** The build variants of shared/measurement.md; all share the compiler, flags and RUSTC_BOOTSTRAP=1. */
public enum Variant {
    /** The project as it is. */
    A("A", "a", ""),
    /** The rewritten source, built with the cfg that turns the {@code #[loop_match]} attributes on. */
    B("B", "b", "--cfg loop_match"),
    /** A with LLVM's DFA jump threading (what stable offers today). */
    D("D", "d", "-Cllvm-args=-enable-dfa-jump-thread"),
    /** A again, built separately: the A/A control. */
    A_PRIME("A'", "a-prime", "");

    private final String label;
    private final String dirName;
    private final String rustflags;

    Variant(String label, String dirName, String rustflags) {
        this.label = label;
        this.dirName = dirName;
        this.rustflags = rustflags;
    }

    /** The name in reports: A, B, D, A'. */
    public String label() {
        return label;
    }

    /** A file-name-safe name for its target directory. */
    public String dirName() {
        return dirName;
    }

    /** The flags this variant adds to the shared RUSTFLAGS. */
    public String rustflags() {
        return rustflags;
    }

    /** Whether a project cannot be measured without this variant (A and its control A'). */
    public boolean required() {
        return this == A || this == A_PRIME;
    }

    /** The shared flags plus this variant's. */
    public String rustflags(String shared) {
        String s = shared == null ? "" : shared.strip();
        return (s + " " + rustflags).strip();
    }
}
