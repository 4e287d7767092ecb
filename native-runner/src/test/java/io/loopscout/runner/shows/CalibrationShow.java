package io.loopscout.runner.shows;

import io.loopscout.core.Failure;
import io.loopscout.runner.Instability;
import io.loopscout.runner.ProjectMeasurer;
import io.loopscout.runner.TestFixtures;
import io.loopscout.runner.Verdict;
import io.loopscout.runner.build.PreparedProject;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.build.Variant;
import io.loopscout.runner.protocol.Analysis;
import io.loopscout.runner.protocol.Host;
import io.loopscout.runner.protocol.Protocol;
import io.loopscout.runner.sandbox.Sandbox;
import io.loopscout.runner.sandbox.SandboxCommand;
import io.loopscout.runner.stats.RatioEstimate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The calibration of the measurement protocol (issue 19), on the lexer fixture at the default protocol:
 * N A/A decisions (A against A', both the same source built twice: any improved/regressed is a false verdict),
 * and SLOW decisions each of a known 10% and a known 2% slowdown with A' beside as in a real run. The slow "B" is
 * A's own binary asked for 10% (2%) more lexing rounds: exactly that much more work and nothing else (a B built
 * separately with --cfg loop_match also differs in code layout, which on this machine alone moved it ~2%). Prints the within-noise rate, the false-verdict count, the detection power, the
 * unstable reasons, the decision times and the machine's load. {@code --busy K} adds K busy loops (at its own niceness) for
 * the whole calibration: K = 4 on 2 CPUs reproduces "load about 4" on top of whatever else runs.
 */
final class CalibrationShow {
    private CalibrationShow() {
    }

    /** Summary of one batch of decisions. */
    private static final class Tally {
        final Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        final Map<String, Integer> reasons = new TreeMap<>();
        double maxSeconds;
        double sumSeconds;
        int reps;

        void add(Verdict v, Instability why, double seconds) {
            verdicts.merge(v, 1, Integer::sum);
            if (why != null) {
                reasons.merge(why.kind().id(), 1, Integer::sum);
            }
            maxSeconds = Math.max(maxSeconds, seconds);
            sumSeconds += seconds;
            reps++;
        }

        int of(Verdict v) {
            return verdicts.getOrDefault(v, 0);
        }
    }

    static void run(Sandbox sandbox, RustToolchain tc, Path scratch, String[] args) throws IOException {
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int slowReps = args.length > 2 && !args[2].startsWith("--") ? Integer.parseInt(args[2]) : 20;
        int busy = 0;
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].equals("--busy")) {
                busy = Integer.parseInt(args[i + 1]);
            }
        }
        Path crate = TestFixtures.copyResource("bench/lexer", scratch);
        Protocol protocol = Protocol.standard().withCallgrind(false);
        ProjectMeasurer pm = Shows.measurer(sandbox, tc, scratch, protocol);
        System.out.println("protocol: " + pm.timing());
        List<Failure> failures = new ArrayList<>();
        PreparedProject p = pm.prepare(Shows.lexer(), crate, null, List.of(Variant.A, Variant.A_PRIME), failures);
        if (p == null) {
            System.out.println("FAILED to prepare: " + failures);
            return;
        }
        List<Process> loops = BusyLoops.start(busy);
        double[] load = {Double.MAX_VALUE, 0};
        try {
            Tally aa = new Tally();
            Tally ten = new Tally();
            Tally two = new Tally();
            PreparedProject aaOnly = p;
            PreparedProject tenPercent = slower(p, 1.10);
            PreparedProject twoPercent = slower(p, 1.02);
            // interleaved, so that a calibration stopped early still has figures for all three
            for (int i = 1; i <= Math.max(reps, slowReps); i++) {
                if (i <= reps) {
                    record(aa, pm.analyse(aaOnly), "A'", "A/A'", i, load);
                }
                if (i <= slowReps) {
                    record(ten, pm.analyse(tenPercent), "B", "10% slower B/A", i, load);
                    record(two, pm.analyse(twoPercent), "B", "2% slower B/A", i, load);
                }
                if (i % 5 == 0) {
                    summarise(aa, ten, two, load, busy);
                }
            }
            summarise(aa, ten, two, load, busy);
        } finally {
            BusyLoops.stop(loops);
        }
    }

    private static void summarise(Tally aa, Tally ten, Tally two, double[] load, int busy) {
        int falseVerdicts = aa.of(Verdict.IMPROVED) + aa.of(Verdict.REGRESSED);
        System.out.printf(Locale.ROOT, "%nload (1-min average) during the calibration: %.1f to %.1f on %d CPUs;"
                        + " %d busy loops added%n", load[0], load[1], Runtime.getRuntime().availableProcessors(),
                busy);
        System.out.printf(Locale.ROOT, "A/A: within-noise %d of %d (%.1f%%), false verdicts %d (%.1f%%), "
                        + "unstable %d %s; decision %.0f s mean, %.0f s max%n", aa.of(Verdict.WITHIN_NOISE), aa.reps,
                pct(aa.of(Verdict.WITHIN_NOISE), aa.reps), falseVerdicts, pct(falseVerdicts, aa.reps),
                aa.of(Verdict.UNSTABLE), aa.reasons, aa.sumSeconds / Math.max(1, aa.reps), aa.maxSeconds);
        summary("10% slowdown", ten);
        summary("2% slowdown", two);
        System.out.println("targets (issue 19): A/A within-noise >= 95% and <= 1 false verdict per 100; 10% "
                + "regressed >= 95%, 2% >= 80%; at load ~4 A/A false verdicts <= 5%; decisions <= 120 s");
    }

    private static void summary(String what, Tally t) {
        System.out.printf(Locale.ROOT, "%s: regressed %d of %d (%.1f%%), %s, unstable reasons %s; decision %.0f s "
                        + "mean, %.0f s max%n", what, t.of(Verdict.REGRESSED), t.reps, pct(t.of(Verdict.REGRESSED), t.reps),
                t.verdicts, t.reasons, t.sumSeconds / Math.max(1, t.reps), t.maxSeconds);
    }

    private static double pct(int k, int n) {
        return n == 0 ? 0 : 100.0 * k / n;
    }

    private static void record(Tally t, Analysis a, String label, String what, int rep, double[] load) {
        var j = a.judgement(label);
        RatioEstimate e = a.estimates().get(label);
        double l = Host.loadAverage();
        load[0] = Math.min(load[0], l);
        load[1] = Math.max(load[1], l);
        t.add(j.verdict(), j.why(), a.series().elapsed());
        System.out.printf(Locale.ROOT, "%s rep %3d: %s pairs=%d(+%d dropped) %.0f s %s load=%.1f -> %s%s%n", what,
                rep, e == null ? "-" : String.format(Locale.ROOT, "time ratio %.4f [%.4f, %.4f] p=%.3f",
                        1 / e.ratio(), 1 / e.ciHigh(), 1 / e.ciLow(), e.pValue()),
                a.kept().rounds(), a.series().rounds() - a.kept().rounds(), a.series().elapsed(),
                a.series().stop().id(), l, j.verdict().id(), j.why() == null ? "" : " (" + j.why().text() + ")");
    }

    /** A, then B := A's command with its rounds argument times {@code factor}, then A'. */
    private static PreparedProject slower(PreparedProject p, double factor) {
        SandboxCommand a = p.runs().get(Variant.A);
        List<String> argv = new ArrayList<>(a.argv());
        long rounds = Long.parseLong(argv.get(argv.size() - 1));
        argv.set(argv.size() - 1, Long.toString(Math.round(rounds * factor)));
        Map<Variant, SandboxCommand> runs = new LinkedHashMap<>();
        runs.put(Variant.A, a);
        runs.put(Variant.B, new SandboxCommand(argv, a.workDir(), a.readOnly(), a.writable(), a.env(), a.cpu(),
                a.limits()));
        runs.put(Variant.A_PRIME, p.runs().get(Variant.A_PRIME));
        return new PreparedProject(p.project(), runs, p.direct());
    }
}
