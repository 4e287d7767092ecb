package io.loopscout.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.FileTrees;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs are published as a whole: a real writer process killed with SIGKILL at several moments leaves
 * {@code --out} holding the previous complete set or the new complete set, never a mix; the next run cleans up.
 */
class OutputDirKillTest {

    private static final int BIG = 400; // projects: a few seconds of writing, on a loaded machine more

    @TempDir
    Path tmp;

    @Test
    void aWriterKilledAtAnyMomentLeavesTheOldSetOrTheNewOne() throws Exception {
        Path out = tmp.resolve("out");
        Path reference = tmp.resolve("reference");
        Reports.writeAll(reference, ReportScaleBenchmark.corpus(BIG, 20), ResultFixtures.failures(),
                ResultFixtures.runInfo(), "formula", Changes.none());
        Map<String, String> newSet = snapshot(reference);
        int sawOld = 0;
        int sawNew = 0;
        int sawNothing = 0;
        for (long delayMs : new long[] {0, 50, 300, 1500, 60_000}) {
            FileTrees.delete(out);
            Reports.writeAll(out, ReportScaleBenchmark.corpus(2, 1), ResultFixtures.failures(),
                    ResultFixtures.runInfo(), "formula", Changes.none());
            Map<String, String> oldSet = snapshot(out);
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), PublishReportsMain.class.getName(),
                    out.toString(), String.valueOf(BIG)).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("writer.log").toFile()).start();
            Path staging = tmp.resolve(".out.tmp-" + writer.pid());
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(staging) && writer.isAlive() && System.nanoTime() < until) {
                Thread.sleep(2);
            }
            if (!writer.waitFor(delayMs, TimeUnit.MILLISECONDS)) {
                writer.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally
                writer.waitFor();
            }
            Map<String, String> seen = Files.isDirectory(out) ? snapshot(out) : Map.of();
            if (seen.isEmpty()) {
                sawNothing++;
                // killed between the two renames: the next publish puts the previous set back first
                OutputDir.publish(out, staging2 -> List.of(RunJson.write(staging2, ResultFixtures.runInfo(), List.of(), List.of())));
                assertTrue(Files.isDirectory(out.resolve(OutputDir.HISTORY)), "previous set kept in history");
                continue;
            }
            boolean isOld = seen.equals(oldSet);
            boolean isNew = seen.equals(newSet);
            assertTrue(isOld || isNew, "after a kill at " + delayMs + " ms --out holds a mixed set: " + seen.keySet());
            sawOld += isOld ? 1 : 0;
            sawNew += isNew ? 1 : 0;
            if (isNew) {
                assertEquals(oldSet, snapshot(onlyHistorySet(out)), "the previous set is kept in history");
            }
        }
        System.out.printf("kills: %d left the old set, %d the new set, %d no --out (restored next run)%n", sawOld,
                sawNew, sawNothing);
        assertTrue(sawOld > 0, "no kill landed while writing (machine too fast?)");
        assertTrue(sawNew > 0, "the writer that was not killed published its set");
        // the next run removes what the killed writers left beside --out
        OutputDir.publish(out, staging -> List.of(RunJson.write(staging, ResultFixtures.runInfo(), List.of(), List.of())));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".out."))
                    .toList(), "leftovers of killed writers");
        }
    }

    @Test
    void staleFilesOfThePreviousRunDoNotStayBesideTheNewOnes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        OutputDir.publish(out, staging -> List.of(RunJson.write(staging, ResultFixtures.runInfo(), List.of(), List.of()),
                CsvTable.write(staging, "changes.csv", "stale\n")));
        OutputDir.publish(out, staging -> List.of(RunJson.write(staging, ResultFixtures.runInfo(), List.of(), List.of())));
        assertFalse(Files.exists(out.resolve("changes.csv")));
        try (Stream<Path> s = Files.list(out.resolve(OutputDir.HISTORY))) {
            Path previous = s.findFirst().orElseThrow();
            assertTrue(Files.exists(previous.resolve("changes.csv")), "the previous set moved to history whole");
        }
    }

    @Test
    void aFolderThatIsNotAnOutputSetIsNotReplaced(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("notes.txt"), "mine");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputDir.publish(home, staging -> List.of(RunJson.write(staging, ResultFixtures.runInfo(), List.of(), List.of()))));
        assertTrue(e.getMessage().contains("not a loopscout output folder"), e.getMessage());
        assertEquals("mine", Files.readString(home.resolve("notes.txt")));
    }

    @Test
    void historyKeepsTheNewestSets(@TempDir Path dir) {
        Path out = dir.resolve("out");
        for (int i = 0; i < OutputDir.KEEP_HISTORY + 3; i++) {
            OutputDir.publish(out, staging -> List.of(RunJson.write(staging, ResultFixtures.runInfo(), List.of(), List.of())));
        }
        assertEquals(OutputDir.KEEP_HISTORY, out.resolve(OutputDir.HISTORY).toFile().list().length);
    }

    /** The only previous set in {@code out}'s history. */
    private static Path onlyHistorySet(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.resolve(OutputDir.HISTORY))) {
            List<Path> sets = s.toList();
            assertEquals(1, sets.size(), sets.toString());
            return sets.get(0);
        }
    }

    /** File name → content of a set's files (history left out). */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (File f : dir.toFile().listFiles()) {
            if (f.isFile()) {
                files.put(f.getName(), Files.readString(f.toPath()));
            }
        }
        return files;
    }
}
