package io.loopscout.pipeline.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs (as two TaskManagers on one machine) take the benchmark lock of one cache directory in turns: their
 * "in"/"out" lines in a shared log never interleave. The same two JVMs without the lock do overlap, which shows the
 * check can see an overlap.
 */
class BenchmarkLockTest {

    private static final int ROUNDS = 4;

    @Test
    void twoProcessesNeverHoldItTogether(@TempDir Path dir) throws Exception {
        List<String> log = runTwo(dir, true);
        assertEquals(2 * 2 * ROUNDS, log.size(), "every round of both processes logged: " + log);
        assertEquals(0, overlaps(log), "both inside at once: " + log);
        assertTrue(Files.exists(dir.resolve("cache").resolve(BenchmarkLock.FILE)));
    }

    @Test
    void withoutTheLockTheSameProcessesOverlap(@TempDir Path dir) throws Exception {
        List<String> log = runTwo(dir, false);
        assertEquals(2 * 2 * ROUNDS, log.size(), "every round of both processes logged: " + log);
        assertTrue(overlaps(log) > 0, "the control never overlapped, so the check could not see it: " + log);
    }

    @Test
    void threadsOfOneJvmQueueToo(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("log");
        List<Thread> threads = new ArrayList<>();
        for (String id : List.of("t1", "t2", "t3")) {
            Thread t = new Thread(() -> {
                try {
                    Holder.rounds(dir.resolve("cache"), log, id, true);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        List<String> lines = Files.readAllLines(log);
        assertEquals(3 * 2 * ROUNDS, lines.size(), lines.toString());
        assertEquals(0, overlaps(lines), lines.toString());
    }

    /** How often a holder entered while another was inside. */
    private static int overlaps(List<String> log) {
        int inside = 0;
        int overlaps = 0;
        for (String line : log) {
            if (line.startsWith("in ")) {
                overlaps += inside > 0 ? 1 : 0;
                inside++;
            } else {
                inside--;
            }
        }
        return overlaps;
    }

    private static List<String> runTwo(Path dir, boolean lock) throws Exception {
        Path log = dir.resolve("log");
        List<Process> processes = new ArrayList<>();
        for (String id : List.of("a", "b")) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Holder.class.getName(), dir.toString(), id,
                    String.valueOf(lock))
                    .redirectErrorStream(true).redirectOutput(dir.resolve(id + ".out").toFile()).start());
        }
        for (Process p : processes) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "holder did not finish");
            assertEquals(0, p.exitValue(), () -> read(dir));
        }
        return Files.readAllLines(log);
    }

    private static String read(Path dir) {
        try {
            return Files.readString(dir.resolve("a.out")) + Files.readString(dir.resolve("b.out"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** A process that, once its peer is up too, enters and leaves a few times, logging each step. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            String id = args[1];
            // start together: JVM start-up skew would otherwise keep the processes apart even with no lock
            Files.createFile(dir.resolve("ready-" + id));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(dir.resolve("ready-a")) && Files.exists(dir.resolve("ready-b")))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("peer never started");
                }
                Thread.sleep(10);
            }
            rounds(dir.resolve("cache"), dir.resolve("log"), id, Boolean.parseBoolean(args[2]));
        }

        static void rounds(Path cache, Path log, String id, boolean lock) throws IOException, InterruptedException {
            for (int i = 0; i < ROUNDS; i++) {
                if (lock) {
                    try (BenchmarkLock held = BenchmarkLock.acquire(cache)) {
                        inside(log, id);
                    }
                } else {
                    inside(log, id);
                }
                Thread.sleep(20);
            }
        }

        private static void inside(Path log, String id) throws IOException, InterruptedException {
            append(log, "in " + id);
            Thread.sleep(300); // long beside the scheduler's slices on a loaded machine
            append(log, "out " + id);
        }

        // one short write with O_APPEND: the lines of the processes never tear
        private static void append(Path log, String line) throws IOException {
            Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }
}
