package io.loopscout.extract;

import io.loopscout.core.Language;
import io.loopscout.extract.rewrite.LoopOutcome;
import java.io.Serializable;

/**
 * One state machine or dispatch loop found in one file. One loop is one finding (shared/patterns.md).
 *
 * <p>Lines are 1-based and inclusive and span the loop statement itself (for C function-level patterns,
 * the switch or function; for {@code rust/step-machine} the step's match, with the driver loop's function and line
 * in {@code driverFunction}/{@code driverLine}, else null and 0). Nullable fields are those a pattern does not
 * define: {@code eligible}, {@code reason}, {@code loopMatchReady} and {@code stateType} for C; {@code modelSpeedup}
 * until measured; {@code rewrite} (the compile-verified outcome of the loop's {@code #[loop_match]} rewrite) until
 * rewritten.
 */
public record Finding(
        String project,
        String version,
        Language language,
        String file,
        int startLine,
        int endLine,
        String function,
        Pattern pattern,
        String stateVariable,
        int states,
        int constTransitions,
        int dynamicTransitions,
        int fallthroughs,
        int exits,
        String stateType,
        Boolean eligible,
        String reason,
        Boolean loopMatchReady,
        int parseErrors,
        Confidence confidence,
        String mode,
        String snippet,
        StateGraph graph,
        Double modelSpeedup,
        LoopOutcome rewrite,
        String driverFunction,
        int driverLine) implements Serializable {

    /** How much to trust a finding: low when transitions hide in macros or the tree has errors. */
    public enum Confidence { HIGH, LOW }

    /** Loop length in lines. */
    public int lines() {
        return endLine - startLine + 1;
    }

    /** The same finding with its model-tier speed-up. */
    public Finding withModelSpeedup(Double speedup) {
        return toBuilder().modelSpeedup(speedup).build();
    }

    /** The same finding attributed to a project and resolved version. */
    public Finding withProject(String project, String version) {
        return toBuilder().project(project).version(version).build();
    }

    /** The same finding with the compile-verified outcome of its rewrite. */
    public Finding withRewrite(LoopOutcome outcome) {
        return toBuilder().rewrite(outcome).build();
    }

    /** A builder prefilled with this finding. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.project = project; b.version = version; b.language = language; b.file = file;
        b.startLine = startLine; b.endLine = endLine; b.function = function; b.pattern = pattern;
        b.stateVariable = stateVariable; b.states = states; b.constTransitions = constTransitions;
        b.dynamicTransitions = dynamicTransitions; b.fallthroughs = fallthroughs; b.exits = exits;
        b.stateType = stateType; b.eligible = eligible; b.reason = reason; b.loopMatchReady = loopMatchReady;
        b.parseErrors = parseErrors; b.confidence = confidence; b.mode = mode; b.snippet = snippet;
        b.graph = graph; b.modelSpeedup = modelSpeedup; b.rewrite = rewrite;
        b.driverFunction = driverFunction; b.driverLine = driverLine;
        return b;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder; extractors fill what their pattern defines. */
    public static final class Builder {
        private String project = "";
        private String version = "";
        private Language language;
        private String file = "";
        private int startLine;
        private int endLine;
        private String function = "";
        private Pattern pattern;
        private String stateVariable = "";
        private int states;
        private int constTransitions;
        private int dynamicTransitions;
        private int fallthroughs;
        private int exits;
        private String stateType;
        private Boolean eligible;
        private String reason;
        private Boolean loopMatchReady;
        private int parseErrors;
        private Confidence confidence = Confidence.HIGH;
        private String mode = "syntactic";
        private String snippet = "";
        private StateGraph graph = StateGraph.empty();
        private Double modelSpeedup;
        private LoopOutcome rewrite;
        private String driverFunction;
        private int driverLine;

        public Builder project(String v) { project = v; return this; }
        public Builder version(String v) { version = v; return this; }
        public Builder language(Language v) { language = v; return this; }
        public Builder file(String v) { file = v; return this; }
        public Builder startLine(int v) { startLine = v; return this; }
        public Builder endLine(int v) { endLine = v; return this; }
        public Builder function(String v) { function = v; return this; }
        public Builder pattern(Pattern v) { pattern = v; return this; }
        public Builder stateVariable(String v) { stateVariable = v; return this; }
        public Builder states(int v) { states = v; return this; }
        public Builder constTransitions(int v) { constTransitions = v; return this; }
        public Builder dynamicTransitions(int v) { dynamicTransitions = v; return this; }
        public Builder fallthroughs(int v) { fallthroughs = v; return this; }
        public Builder exits(int v) { exits = v; return this; }
        public Builder stateType(String v) { stateType = v; return this; }
        public Builder eligible(Boolean v) { eligible = v; return this; }
        public Builder reason(String v) { reason = v; return this; }
        public Builder loopMatchReady(Boolean v) { loopMatchReady = v; return this; }
        public Builder parseErrors(int v) { parseErrors = v; return this; }
        public Builder confidence(Confidence v) { confidence = v; return this; }
        public Builder mode(String v) { mode = v; return this; }
        public Builder snippet(String v) { snippet = v; return this; }
        public Builder graph(StateGraph v) { graph = v; return this; }
        public Builder modelSpeedup(Double v) { modelSpeedup = v; return this; }
        public Builder rewrite(LoopOutcome v) { rewrite = v; return this; }
        public Builder driverFunction(String v) { driverFunction = v; return this; }
        public Builder driverLine(int v) { driverLine = v; return this; }

        /** Builds the finding; language defaults to the pattern's. */
        public Finding build() {
            Language lang = language != null ? language : (pattern == null ? null : pattern.language());
            return new Finding(project, version, lang, file, startLine, endLine, function, pattern,
                    stateVariable, states, constTransitions, dynamicTransitions, fallthroughs, exits, stateType,
                    eligible, reason, loopMatchReady, parseErrors, confidence, mode, snippet, graph,
                    modelSpeedup, rewrite, driverFunction, driverLine);
        }
    }
}
