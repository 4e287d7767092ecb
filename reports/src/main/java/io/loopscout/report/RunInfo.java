package io.loopscout.report;

import io.loopscout.extract.FileOutcome;
import java.io.Serializable;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What ran, written as run.json.
 *
 * @param manifest          the manifest path (or a description such as {@code scan of 2 paths})
 * @param loopscoutVersion  the loopscout version
 * @param rustcVersion      {@code rustc --version}, or empty when absent
 * @param ccVersion         {@code cc --version} (first line), or empty when absent
 * @param valgrindVersion   {@code valgrind --version}, or empty when absent
 * @param sandbox           the sandbox used, e.g. {@code bwrap --unshare-all} or {@code unshare -n (bwrap missing)}
 * @param cpuModel          the host CPU model
 * @param cores             the host's logical cores
 * @param start             when the run started
 * @param end               when it ended
 * @param counts            what it counted
 * @param measureMode       {@code static}, {@code model} or {@code project}
 * @param runner            the Beam runner
 * @param timing            how benchmark runs are timed and decided: the clock and what it costs, pinning, the CI
 *                          target and the time budget (empty when nothing is timed)
 * @param load              the load average (1/5/15 min) at the start and at the end, or empty
 * @param commit            the loopscout commit that ran (short SHA, {@code -dirty} with local changes), or empty
 */
public record RunInfo(String manifest, String loopscoutVersion, String rustcVersion, String ccVersion,
                      String valgrindVersion, String sandbox, String cpuModel, int cores, Instant start,
                      Instant end, Counts counts, String measureMode, String runner, String timing, String load,
                      String commit)
        implements Serializable {

    /** A run without load and commit. */
    public RunInfo(String manifest, String loopscoutVersion, String rustcVersion, String ccVersion,
                   String valgrindVersion, String sandbox, String cpuModel, int cores, Instant start, Instant end,
                   Counts counts, String measureMode, String runner, String timing) {
        this(manifest, loopscoutVersion, rustcVersion, ccVersion, valgrindVersion, sandbox, cpuModel, cores, start,
                end, counts, measureMode, runner, timing, "", "");
    }

    /** A run without a timing description. */
    public RunInfo(String manifest, String loopscoutVersion, String rustcVersion, String ccVersion,
                   String valgrindVersion, String sandbox, String cpuModel, int cores, Instant start, Instant end,
                   Counts counts, String measureMode, String runner) {
        this(manifest, loopscoutVersion, rustcVersion, ccVersion, valgrindVersion, sandbox, cpuModel, cores, start,
                end, counts, measureMode, runner, "");
    }

    public RunInfo {
        timing = timing == null ? "" : timing;
        load = nz(load);
        commit = nz(commit);
        manifest = nz(manifest);
        loopscoutVersion = nz(loopscoutVersion);
        rustcVersion = nz(rustcVersion);
        ccVersion = nz(ccVersion);
        valgrindVersion = nz(valgrindVersion);
        sandbox = nz(sandbox);
        cpuModel = nz(cpuModel);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(counts, "counts");
        measureMode = nz(measureMode);
        runner = nz(runner);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * The run's counters.
     *
     * @param projects             projects in the run
     * @param filesScanned         source files parsed
     * @param filesSkippedTooLarge files skipped because they exceed 2 MB
     * @param binaryFilesSkipped   files skipped because they are binary
     * @param symlinksRefused      symbolic links not followed
     * @param parseErrors          files whose tree had ERROR/MISSING nodes
     * @param notUtf8              files that were not valid UTF-8 (read with replacement characters)
     * @param fileOutcomes         files per extraction outcome (each of {@link FileOutcome}, zeros included)
     * @param findingsByPattern    findings per pattern id (kept sorted by id)
     */
    public record Counts(int projects, long filesScanned, long filesSkippedTooLarge, long binaryFilesSkipped,
                         long symlinksRefused, long parseErrors, long notUtf8, Map<FileOutcome, Long> fileOutcomes,
                         Map<String, Long> findingsByPattern) implements Serializable {

        public Counts {
            EnumMap<FileOutcome, Long> outcomes = new EnumMap<>(FileOutcome.class);
            for (FileOutcome o : FileOutcome.values()) {
                outcomes.put(o, fileOutcomes.getOrDefault(o, 0L));
            }
            fileOutcomes = java.util.Collections.unmodifiableMap(outcomes);
            findingsByPattern = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(findingsByPattern));
        }

        /** Files an extractor did not analyse (every outcome whose findings were not kept). */
        public long notAnalysed() {
            return fileOutcomes.entrySet().stream().filter(e -> !e.getKey().analysed())
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }
}
