package io.loopscout.report;

import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.extract.rewrite.LoopOutcome;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a whole corpus holds, for report.html and run.json: per pattern how many projects have it and how many
 * findings it has, how many Rust loops are rewritable (and, where the rewrite ran, rewritten), and how many
 * state machines are written as step functions versus as loops.
 *
 * @param projects          projects with a result (failed ones are not counted)
 * @param projectsWithFindings projects with at least one finding
 * @param byPattern         per pattern (every pattern, in enum order), its projects and findings
 * @param byForm            per machine form (every form, in enum order), its projects and findings
 * @param rewritable        Rust loops the extractor judged eligible for {@code #[loop_match]}
 * @param rewritableProjects projects with at least one rewritable loop
 * @param rewritten         loops whose compile-verified rewrite succeeded (0 when no rewrite ran)
 * @param rewriteAttempted  loops that went through the rewriter (0 in {@code --measure static})
 */
public record CorpusSummary(int projects, int projectsWithFindings, Map<Pattern, Tally> byPattern,
                            Map<MachineForm, Tally> byForm, long rewritable, int rewritableProjects, long rewritten,
                            long rewriteAttempted) {

    /** How many projects have something, and how many times it occurs in all. */
    public record Tally(int projects, long findings) {
    }

    /** How a finding's state machine is written: the step/loop split the corpus summary reports. */
    public enum MachineForm {
        /** A loop that matches on its state each round (state, field-state, c2rust current_block, loop_match). */
        LOOP_FORM("loop-form"),
        /** A step function matching on a state place, called every round by a driver loop. */
        STEP("step"),
        /** An interpreter loop dispatching on data, not on a state it assigns. */
        DISPATCH("dispatch"),
        /** C patterns: not rewritten, reported for the C comparison only. */
        C("c");

        private final String id;

        MachineForm(String id) {
            this.id = id;
        }

        /** The key used in run.json. */
        public String id() {
            return id;
        }

        /** The form of a pattern's findings. */
        public static MachineForm of(Pattern p) {
            return switch (p) {
                case RUST_LOOP_MATCH, RUST_C2RUST_CURRENT_BLOCK, RUST_STATE_LOOP, RUST_FIELD_STATE_LOOP -> LOOP_FORM;
                case RUST_STEP_MACHINE -> STEP;
                case RUST_DISPATCH_LOOP -> DISPATCH;
                case C_SWITCH_STATE_LOOP, C_FALLTHROUGH_CHAIN, C_DISPATCH_LOOP, C_COMPUTED_GOTO, C_COROUTINE_SWITCH,
                        C_GOTO_STATE_MACHINE -> C;
            };
        }
    }

    /** Sums {@code results}; failed projects count nowhere. */
    public static CorpusSummary of(List<ProjectResult> results) {
        Map<Pattern, Set<String>> patternProjects = new EnumMap<>(Pattern.class);
        Map<Pattern, Long> patternFindings = new EnumMap<>(Pattern.class);
        Map<MachineForm, Set<String>> formProjects = new EnumMap<>(MachineForm.class);
        Map<MachineForm, Long> formFindings = new EnumMap<>(MachineForm.class);
        Set<String> rewritableIn = new HashSet<>();
        int projects = 0;
        int withFindings = 0;
        long rewritable = 0;
        long rewritten = 0;
        long attempted = 0;
        for (ProjectResult r : results) {
            if (r.isFailed()) {
                continue;
            }
            projects++;
            withFindings += r.findings().isEmpty() ? 0 : 1;
            for (Finding f : r.findings()) {
                if (f.pattern() == null) {
                    continue;
                }
                patternProjects.computeIfAbsent(f.pattern(), k -> new HashSet<>()).add(r.id());
                patternFindings.merge(f.pattern(), 1L, Long::sum);
                MachineForm form = MachineForm.of(f.pattern());
                formProjects.computeIfAbsent(form, k -> new HashSet<>()).add(r.id());
                formFindings.merge(form, 1L, Long::sum);
                if (Boolean.TRUE.equals(f.eligible())) {
                    rewritable++;
                    rewritableIn.add(r.id());
                }
                if (f.rewrite() != null) {
                    attempted++;
                    rewritten += f.rewrite().status() == LoopOutcome.Status.REWRITTEN ? 1 : 0;
                }
            }
        }
        Map<Pattern, Tally> byPattern = new EnumMap<>(Pattern.class);
        for (Pattern p : Pattern.values()) {
            byPattern.put(p, new Tally(patternProjects.getOrDefault(p, Set.of()).size(),
                    patternFindings.getOrDefault(p, 0L)));
        }
        Map<MachineForm, Tally> byForm = new EnumMap<>(MachineForm.class);
        for (MachineForm m : MachineForm.values()) {
            byForm.put(m, new Tally(formProjects.getOrDefault(m, Set.of()).size(), formFindings.getOrDefault(m, 0L)));
        }
        return new CorpusSummary(projects, withFindings, Collections.unmodifiableMap(byPattern),
                Collections.unmodifiableMap(byForm), rewritable,
                rewritableIn.size(), rewritten, attempted);
    }

    /** The tally of {@code p} (zero when absent). */
    public Tally of(Pattern p) {
        return byPattern.getOrDefault(p, new Tally(0, 0));
    }

    /** The tally of {@code form} (zero when absent). */
    public Tally of(MachineForm form) {
        return byForm.getOrDefault(form, new Tally(0, 0));
    }
}
