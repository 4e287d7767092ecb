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

    /** One line: {@code [3/12] extract: zlib-rs, measure: miniz_oxide}. */
    public static String line() {
        StringBuilder sb = new StringBuilder("[").append(DONE.size()).append('/').append(TOTAL.get()).append(']');
        String sep = " ";
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(STAGE).entrySet()) {
            sb.append(sep).append(e.getValue()).append(": ").append(e.getKey());
            sep = ", ";
        }
        return sb.toString();
    }
}
