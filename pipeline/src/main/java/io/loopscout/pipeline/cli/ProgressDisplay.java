package io.loopscout.pipeline.cli;

import io.loopscout.pipeline.beam.Progress;
import io.loopscout.report.RunJson;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The run's progress on stderr: on a terminal one line rewritten in place every second; in a pipe or a log file a
 * plain line every {@code pipePeriod} when something moved (no carriage returns, no escape codes); then one
 * summary line with the totals and where the report is.
 */
final class ProgressDisplay implements AutoCloseable {

    /** The line's width when the terminal does not say ({@code COLUMNS}). */
    static final int DEFAULT_WIDTH = 100;
    /** How often a piped run prints its progress. */
    static final Duration PIPE_PERIOD = Duration.ofSeconds(30);
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintStream err;
    private final boolean terminal;
    private final int width;
    private final Duration period;
    private final Instant start = Instant.now();
    private Thread ticker;

    ProgressDisplay(PrintStream err, boolean terminal, int width, Duration pipePeriod) {
        this.err = err;
        this.terminal = terminal;
        this.width = width;
        this.period = terminal ? Duration.ofSeconds(1) : pipePeriod;
    }

    /** The display for this process: a terminal when stderr is one (as far as Java can tell), else a pipe. */
    static ProgressDisplay forStderr() {
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        int width = DEFAULT_WIDTH;
        try {
            width = Math.max(40, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "")) - 1);
        } catch (NumberFormatException e) {
            // no COLUMNS: keep the default
        }
        return new ProgressDisplay(System.err, terminal, width, PIPE_PERIOD);
    }

    /** Says what starts, at once (the pipeline takes a while to show its first count), and starts the ticker. */
    void start(String what) {
        err.println("loopscout: " + what);
        ticker = new Thread(this::tick, "loopscout-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    private void tick() {
        String last = "";
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(period.toMillis());
                String line = Progress.line(Duration.between(start, Instant.now()), width);
                if (terminal) {
                    synchronized (err) {
                        err.print(CLEAR_LINE + line);
                        err.flush();
                    }
                } else if (!sameCounts(line, last)) {
                    err.println(line);
                    last = line;
                }
            }
        } catch (InterruptedException e) {
            // the run finished
        }
    }

    /** Two piped lines differ by more than the clock. */
    private static boolean sameCounts(String a, String b) {
        return a.replaceAll(" \\d+[hms]\\S*(, ETA \\S+)?", "").equals(b.replaceAll(" \\d+[hms]\\S*(, ETA \\S+)?", ""));
    }

    /** Stops the ticker and clears its line. */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.interrupt();
            try {
                ticker.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ticker = null;
            if (terminal) {
                synchronized (err) {
                    err.print(CLEAR_LINE);
                    err.flush();
                }
            }
        }
    }

    /** The last line: totals from run.json and the report's path. */
    void summary(RunJson.Summary s, Path out) {
        close();
        err.println("loopscout: done in " + durationOf(s) + ": " + s.projects() + " projects"
                + (s.projectsFailed() > 0 ? " (" + s.projectsFailed() + " failed)" : "") + ", " + s.findings()
                + (s.findings() == 1 ? " finding, " : " findings, ") + s.failures()
                + (s.failures() == 1 ? " failure" : " failures") + (s.failures() > 0 ? " (failures.csv)" : "")
                + "; open " + out.toAbsolutePath().normalize().resolve("report.html"));
    }

    private static String durationOf(RunJson.Summary s) {
        return Progress.duration(Duration.ofMillis(Math.round(s.durationSeconds() * 1000)));
    }
}
