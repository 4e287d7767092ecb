package io.loopscout.runner.shows;

import io.loopscout.core.Failure;
import io.loopscout.runner.ProjectMeasurer;
import io.loopscout.runner.TestFixtures;
import io.loopscout.runner.build.PreparedProject;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.build.Variant;
import io.loopscout.runner.protocol.Host;
import io.loopscout.runner.protocol.Timing;
import io.loopscout.runner.sandbox.Sandbox;
import io.loopscout.runner.sandbox.SandboxCommand;
import io.loopscout.runner.sandbox.SandboxResult;
import io.loopscout.runner.stats.PairedEstimator;
import io.loopscout.runner.stats.RatioEstimate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The noise-at-source experiment (issue 19): A against A' of the lexer fixture under several set-ups, interleaved
 * pair by pair in one run so they share the machine's load: unpinned vs pinned (taskset), one run vs three inner
 * repetitions per timed run; each read by three clocks at once (the harness's workload wall time, the process
 * wall time, the cgroup CPU time); and each again with the pairs disturbed by load (a run off-CPU for more than
 * 20% of its wall time) discarded. Figure of merit: the seconds of measuring needed for a ±1% interval.
 */
final class NoiseShow {
    private static final double DISTURBED = 0.20;

    private NoiseShow() {
    }

    /** One set-up: pinning and inner repetitions. */
    private record Setup(String name, Integer cpu, int inner) {
    }

    /** One timed run read by every clock; offCpu is the fraction of its wall time it was not on a CPU. */
    private record Run(double harness, double wall, double cpu, double offCpu) {
    }

    static void run(Sandbox sandbox, RustToolchain tc, Path scratch, int pairs) {
        Path crate = TestFixtures.copyResource("bench/lexer", scratch);
        ProjectMeasurer pm = Shows.measurer(sandbox, tc, scratch,
                io.loopscout.runner.protocol.Protocol.standard().withCallgrind(false).withCpu(null));
        List<Failure> failures = new ArrayList<>();
        PreparedProject p = pm.prepare(Shows.lexer(), crate, null, List.of(Variant.A, Variant.A_PRIME), failures);
        if (p == null) {
            System.out.println("FAILED to prepare: " + failures);
            return;
        }
        int last = Runtime.getRuntime().availableProcessors() - 1;
        List<Setup> setups = List.of(new Setup("unpinned x1", null, 1), new Setup("pinned x1", last, 1),
                new Setup("unpinned x3", null, 3));
        SandboxCommand a = p.runs().get(Variant.A);
        SandboxCommand a2 = p.runs().get(Variant.A_PRIME);
        // rows: setup, [0]=A [1]=A', pair
        List<List<List<Run>>> runs = new ArrayList<>();
        double[] spent = new double[setups.size()];
        for (int s = 0; s < setups.size(); s++) {
            runs.add(List.of(new ArrayList<>(), new ArrayList<>()));
        }
        double loadBefore = Host.loadAverage();
        for (Setup s : setups) { // warm-up
            once(sandbox, pinned(a, s.cpu()));
            once(sandbox, pinned(a2, s.cpu()));
        }
        for (int r = 0; r < pairs; r++) {
            for (int k = 0; k < setups.size(); k++) {
                int si = (k + r) % setups.size();
                Setup s = setups.get(si);
                long t0 = System.nanoTime();
                boolean aFirst = r % 2 == 0;
                Run x = timed(sandbox, pinned(aFirst ? a : a2, s.cpu()), s.inner());
                Run y = timed(sandbox, pinned(aFirst ? a2 : a, s.cpu()), s.inner());
                spent[si] += (System.nanoTime() - t0) / 1e9;
                runs.get(si).get(0).add(aFirst ? x : y);
                runs.get(si).get(1).add(aFirst ? y : x);
            }
            if ((r + 1) % 10 == 0) {
                System.out.printf(Locale.ROOT, "  %d pairs per set-up, load %.2f%n", r + 1, Host.loadAverage());
            }
        }
        System.out.println(Host.loadNote(loadBefore, Host.loadAverage()));
        System.out.println("set-up        clock    filter     pairs  A/A'    ±hw%   sd(ln)%  cv(A)%  s/pair  s to ±1%");
        for (int si = 0; si < setups.size(); si++) {
            for (String clock : List.of("harness", "wall", "cpu")) {
                for (boolean filter : new boolean[] {false, true}) {
                    report(setups.get(si), clock, filter, runs.get(si).get(0), runs.get(si).get(1),
                            spent[si] / pairs);
                }
            }
        }
    }

    private static void report(Setup s, String clock, boolean filter, List<Run> a, List<Run> b, double perPair) {
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (filter && Math.max(a.get(i).offCpu(), b.get(i).offCpu()) > DISTURBED) {
                continue;
            }
            kept.add(new double[] {pick(a.get(i), clock), pick(b.get(i), clock)});
        }
        if (kept.size() < 3) {
            System.out.printf(Locale.ROOT, "%-13s %-8s %-10s %5d  (too few pairs kept)%n", s.name(), clock,
                    filter ? "undisturbed" : "all", kept.size());
            return;
        }
        double[] x = kept.stream().mapToDouble(k -> k[0]).toArray();
        double[] y = kept.stream().mapToDouble(k -> k[1]).toArray();
        RatioEstimate e = PairedEstimator.PROTOCOL.estimate(x, y, 0.95);
        double[] d = PairedEstimator.logRatios(x, y);
        double sd = Math.sqrt(io.loopscout.runner.stats.Samples.mean(
                java.util.Arrays.stream(d).map(v -> v * v).toArray()) - Math.pow(io.loopscout.runner.stats.Samples.mean(d), 2));
        // pairs for ±1% scale as (hw / 1%)^2 at fixed noise; the discarded pairs cost time too
        double pairsNeeded = kept.size() * Math.pow(e.halfWidth() / 0.01, 2);
        double secondsNeeded = pairsNeeded * perPair * a.size() / kept.size();
        System.out.printf(Locale.ROOT, "%-13s %-8s %-11s %4d  %.4f  %5.2f  %6.2f  %6.2f  %5.2f  %7.0f%n", s.name(), clock,
                filter ? "undisturbed" : "all", kept.size(), e.ratio(), 100 * e.halfWidth(), 100 * sd,
                100 * io.loopscout.runner.stats.Samples.coefficientOfVariation(x), perPair, secondsNeeded);
    }

    private static double pick(Run r, String clock) {
        return switch (clock) {
            case "harness" -> r.harness();
            case "wall" -> r.wall();
            default -> r.cpu();
        };
    }

    private static SandboxCommand pinned(SandboxCommand c, Integer cpu) {
        return new SandboxCommand(c.argv(), c.workDir(), c.readOnly(), c.writable(), c.env(), cpu, c.limits());
    }

    private static SandboxResult once(Sandbox sandbox, SandboxCommand c) {
        SandboxResult r = sandbox.run(c);
        if (!r.ok()) {
            throw new IllegalStateException("run failed: " + r.detail() + " " + r.lastLine());
        }
        return r;
    }

    private static Run timed(Sandbox sandbox, SandboxCommand c, int inner) {
        double h = 0;
        double w = 0;
        double cpu = 0;
        for (int i = 0; i < inner; i++) {
            SandboxResult r = once(sandbox, c);
            Double hs = Timing.harnessSeconds(r.log());
            h += hs == null ? Double.NaN : hs;
            w += r.wall().toNanos() / 1e9;
            cpu += r.cpu() == null ? Double.NaN : r.cpu().toNanos() / 1e9;
        }
        return new Run(h, w, cpu, Math.max(0, 1 - cpu / w));
    }
}
