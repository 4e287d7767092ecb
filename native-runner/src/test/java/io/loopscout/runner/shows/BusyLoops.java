package io.loopscout.runner.shows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Background load for the calibration: K shell busy loops, stopped (by their own handles) when it ends. */
final class BusyLoops {
    private BusyLoops() {
    }

    /** Starts {@code k} busy loops; each is destroyed at JVM exit too. */
    static List<Process> start(int k) throws IOException {
        List<Process> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Process p = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
            out.add(p);
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        }
        return out;
    }

    /** Stops the loops {@link #start} started. */
    static void stop(List<Process> loops) {
        loops.forEach(Process::destroyForcibly);
    }
}
