package io.loopscout.runner.translate;

import java.time.Duration;

/**
 * How a command ended.
 *
 * @param exitCode the exit status (-1 when killed on timeout)
 * @param timedOut whether the time limit killed it
 * @param stdout   standard output (capped)
 * @param stderr   standard error (capped)
 * @param elapsed  wall time of the whole process
 */
public record CommandResult(int exitCode, boolean timedOut, String stdout, String stderr, Duration elapsed) {

    /** Exited 0 within its time limit. */
    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }

    /** The last lines of stderr (then stdout), for a one-line failure message. */
    public String tail(int maxChars) {
        String text = stderr.isBlank() ? stdout : stderr;
        String t = text.strip();
        return t.length() <= maxChars ? t : "…" + t.substring(t.length() - maxChars);
    }
}
