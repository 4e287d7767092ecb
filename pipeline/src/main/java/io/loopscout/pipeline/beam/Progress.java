package io.loopscout.pipeline.beam;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Projects done / total, the stage each project is in and what a long stage is doing, for the progress line.
 * Shared through the JVM, which is where the direct runner and the embedded Flink cluster run every stage.
 */
public final class Progress {

    /** The stages in pipeline order, as the line lists them. */
    static final List<String> STAGES = List.of(AcquireSources.STAGE, ListFiles.STAGE, ExtractFindings.STAGE,
            MeasureProjects.STAGE);

    /** Projects named on the line with what they are doing; the others are counted ({@code +N more}). */
    static final int NAMED = 4;

    private static final AtomicInteger TOTAL = new AtomicInteger();
    private static final Set<String> DONE = ConcurrentHashMap.newKeySet();
    private static final Map<String, String> STAGE = new ConcurrentHashMap<>();
    private static final Map<String, String> STEP = new ConcurrentHashMap<>();

    private Progress() {
    }

    /** Starts counting a run of {@code total} projects. */
    public static void start(int total) {
        TOTAL.set(total);
        DONE.clear();
        STAGE.clear();
        STEP.clear();
    }

    /** Records that {@code project} entered {@code stage}. */
    public static void stage(String project, String stage) {
        if (!DONE.contains(project)) {
            STAGE.put(project, stage);
            STEP.remove(project);
        }
    }

    /** Records what {@code project} is doing inside a long stage (a build, a benchmark, a translation). */
    public static void step(String project, String step) {
        if (!DONE.contains(project)) {
            STEP.put(project, step);
        }
    }

    /** Records that {@code project} is finished (measured, or failed for good). */
    public static void done(String project) {
        DONE.add(project);
        STAGE.remove(project);
        STEP.remove(project);
    }

    /** What the line shows, at one moment. */
    public record Snapshot(int done, int total, Map<String, Integer> byStage, Map<String, String> steps) {
    }

    /** The counts now. */
    public static Snapshot snapshot() {
        Map<String, Integer> byStage = new LinkedHashMap<>();
        STAGES.forEach(s -> byStage.put(s, 0));
        STAGE.values().forEach(s -> byStage.merge(s, 1, Integer::sum));
        return new Snapshot(DONE.size(), TOTAL.get(), byStage, new TreeMap<>(STEP));
    }

    /** The line for the current counts, {@code elapsed} into the run, at most {@code width} characters. */
    public static String line(Duration elapsed, int width) {
        return line(snapshot(), elapsed, width);
    }

    /**
     * One line: {@code [3/12] acquire 2 · extract 5 · measure 1 · 1m04s, ETA 2m10s · zlib-rs: benchmark}, cut
     * to {@code width} characters (stages with nobody in them are left out; the ETA needs one project done; at
     * most {@link #NAMED} projects named, then {@code +N more}, so 10,000 projects in flight cost one short line).
     */
    public static String line(Snapshot s, Duration elapsed, int width) {
        StringBuilder sb = new StringBuilder("[").append(s.done()).append('/').append(s.total()).append(']');
        s.byStage().forEach((stage, n) -> {
            if (n > 0) {
                sb.append(' ').append(stage).append(' ').append(n).append(" ·");
            }
        });
        sb.append(' ').append(duration(elapsed));
        if (s.done() > 0 && s.done() < s.total()) {
            long perProject = elapsed.toMillis() / s.done();
            sb.append(", ETA ").append(duration(Duration.ofMillis(perProject * (s.total() - s.done()))));
        }
        int named = 0;
        for (Map.Entry<String, String> e : s.steps().entrySet()) {
            if (named++ == NAMED) {
                sb.append(" · +").append(s.steps().size() - NAMED).append(" more");
                break;
            }
            sb.append(" · ").append(e.getKey()).append(": ").append(e.getValue());
        }
        return cut(sb.toString(), width);
    }

    /** {@code 42s}, {@code 3m07s}, {@code 1h02m}. */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + String.format("%02ds", s % 60);
        }
        return s / 3600 + "h" + String.format("%02dm", s % 3600 / 60);
    }

    private static String cut(String line, int width) {
        String oneLine = line.replaceAll("[\\r\\n\\t\\p{Cntrl}]", " ");
        if (oneLine.codePointCount(0, oneLine.length()) <= width) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, Math.max(1, width - 1))) + "…";
    }
}
