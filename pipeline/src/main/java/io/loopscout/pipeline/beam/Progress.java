package io.loopscout.pipeline.beam;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Projects done / total and the stage each project is in, for the progress line. Shared through the JVM, which
 * is where the direct runner and the embedded Flink cluster run every stage.
 */
public final class Progress {

    private static final AtomicInteger TOTAL = new AtomicInteger();
    private static final Set<String> DONE = ConcurrentHashMap.newKeySet();
    private static final Map<String, String> STAGE = new ConcurrentHashMap<>();

    private Progress() {
    }

    /** Starts counting a run of {@code total} projects. */
    public static void start(int total) {
        TOTAL.set(total);
        DONE.clear();
        STAGE.clear();
    }

    /** Records that {@code project} entered {@code stage}. */
    public static void stage(String project, String stage) {
        if (!DONE.contains(project)) {
            STAGE.put(project, stage);
        }
    }

    /** Records that {@code project} is finished (measured, or failed for good). */
    public static void done(String project) {
        DONE.add(project);
        STAGE.remove(project);
    }

    /** Projects named on the progress line at most; the others are counted ("+N more"). */
    static final int SHOWN = 4;

    /**
     * One line: {@code [3/12] extract: zlib-rs, measure: miniz_oxide}, at most {@value #SHOWN} projects then
     * {@code +N more}: a 10,000-project run prints a short line, not every project in flight.
     */
    public static String line() {
        StringBuilder sb = new StringBuilder("[").append(DONE.size()).append('/').append(TOTAL.get()).append(']');
        String sep = " ";
        int shown = 0;
        int more = 0;
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(STAGE).entrySet()) {
            if (shown == SHOWN) {
                more++;
                continue;
            }
            sb.append(sep).append(e.getValue()).append(": ").append(e.getKey());
            sep = ", ";
            shown++;
        }
        return more > 0 ? sb.append(" +").append(more).append(" more").toString() : sb.toString();
    }
}
