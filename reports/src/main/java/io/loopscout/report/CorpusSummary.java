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
        Tallies<Pattern> byPattern = new Tallies<>(Pattern.class);
        Tallies<MachineForm> byForm = new Tallies<>(MachineForm.class);
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
                byPattern.add(f.pattern(), r.id());
                byForm.add(MachineForm.of(f.pattern()), r.id());
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
        return new CorpusSummary(projects, withFindings, byPattern.result(), byForm.result(), rewritable,
                rewritableIn.size(), rewritten, attempted);
    }

    /** Per key of an enum: the projects that have it and how often it occurs. */
    private static final class Tallies<K extends Enum<K>> {
        private final Class<K> type;
        private final Map<K, Set<String>> projects;
        private final Map<K, Long> findings;

        Tallies(Class<K> type) {
            this.type = type;
            this.projects = new EnumMap<>(type);
            this.findings = new EnumMap<>(type);
        }

        void add(K key, String project) {
            projects.computeIfAbsent(key, k -> new HashSet<>()).add(project);
            findings.merge(key, 1L, Long::sum);
        }

        /** Every key of the enum, in enum order, absent ones as zero. */
        Map<K, Tally> result() {
            Map<K, Tally> out = new EnumMap<>(type);
            for (K k : type.getEnumConstants()) {
                out.put(k, new Tally(projects.getOrDefault(k, Set.of()).size(), findings.getOrDefault(k, 0L)));
            }
            return Collections.unmodifiableMap(out);
        }
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
