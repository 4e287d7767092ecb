package io.loopscout.extract;

import io.loopscout.core.Language;

/** The pattern ids of shared/patterns.md; stable, they are SARIF rule ids too. */
public enum Pattern {
    RUST_LOOP_MATCH("rust/loop-match", Language.RUST,
            "A loop already annotated #[loop_match]."),
    RUST_C2RUST_CURRENT_BLOCK("rust/c2rust-current-block", Language.RUST,
            "c2rust relooper output: a loop matching on current_block with integer-literal transitions."),
    RUST_STATE_LOOP("rust/state-loop", Language.RUST,
            "A loop dominated by a match on a local state variable with constant transitions."),
    RUST_FIELD_STATE_LOOP("rust/field-state-loop", Language.RUST,
            "A loop dominated by a match on a state field (self.state) with constant transitions."),
    RUST_DISPATCH_LOOP("rust/dispatch-loop", Language.RUST,
            "An interpreter loop matching on a value fetched from data each iteration (8+ arms, no constant transitions)."),
    RUST_STEP_MACHINE("rust/step-machine", Language.RUST,
            "A step function dominated by a match on a state place (3+ arms), called every round by a driver loop of the same file."),
    C_SWITCH_STATE_LOOP("c/switch-state-loop", Language.C,
            "A loop around a switch on a state lvalue where a case assigns it a constant."),
    C_FALLTHROUGH_CHAIN("c/fallthrough-chain", Language.C,
            "A switch where non-empty cases fall through into the next one."),
    C_DISPATCH_LOOP("c/dispatch-loop", Language.C,
            "A loop around a switch on a value fetched from data each iteration (8+ cases, no constant transitions)."),
    C_COMPUTED_GOTO("c/computed-goto", Language.C,
            "goto *expr with a table of &&label addresses (GCC labels-as-values)."),
    C_COROUTINE_SWITCH("c/coroutine-switch", Language.C,
            "A switch whose case labels stand inside nested statements (Duff's device, protothreads, bzip2 GET_BITS)."),
    C_GOTO_STATE_MACHINE("c/goto-state-machine", Language.C,
            "A function with 4+ labels where gotos jump backwards between them (generated lexers).");

    private final String id;
    private final Language language;
    private final String description;

    Pattern(String id, Language language, String description) {
        this.id = id;
        this.language = language;
        this.description = description;
    }

    /** The id as written in reports, e.g. {@code rust/state-loop}. */
    public String id() {
        return id;
    }

    /** The language this pattern is found in. */
    public Language language() {
        return language;
    }

    /** A one-sentence description (SARIF rule text, report legend). */
    public String description() {
        return description;
    }

    /** The pattern with this id, or null. */
    public static Pattern byId(String id) {
        for (Pattern p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        return null;
    }
}
