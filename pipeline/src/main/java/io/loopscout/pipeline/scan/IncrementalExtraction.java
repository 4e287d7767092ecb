package io.loopscout.pipeline.scan;

import io.loopscout.core.Language;
import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.FileOutcome;
import io.loopscout.extract.ProjectExtractor;
import io.loopscout.extract.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Extracts one project's files through an {@link ExtractionCache}: files whose result is cached (same path, text
 * and extractor; for a crate-wide result, the same project) are not parsed again; the others go through the
 * {@link ProjectExtractor} and are stored. When a re-extracted Rust file turns out to have candidate loops, which
 * need every file's declarations, the whole project is extracted again, so results equal a run without cache.
 * Parse timeouts are not stored (they depend on the machine's load), nor extractor failures (reported each run).
 */
public final class IncrementalExtraction {

    private final ExtractionCache cache;

    /** How many files came from the cache and how many were extracted. */
    public record Counts(long reused, long extracted) {
    }

    public IncrementalExtraction(ExtractionCache cache) {
        this.cache = cache;
    }

    /** Extracts {@code files} (all of one project), telling {@code listener} each file's result in path order. */
    public Counts extract(List<SourceFile> files, ProjectExtractor.Listener listener) {
        List<SourceFile> sorted = files.stream().sorted(Comparator.comparing(SourceFile::path)).toList();
        Map<SourceFile, String> keys = new HashMap<>();
        for (SourceFile f : sorted) {
            keys.put(f, ExtractionCache.fileKey(f.path(), ExtractionCache.textDigest(f.text())));
        }
        String project = ExtractionCache.projectDigest(sorted.stream().map(keys::get).toList());
        Map<SourceFile, FileExtraction> reused = new HashMap<>();
        List<SourceFile> missed = new ArrayList<>();
        for (SourceFile f : sorted) {
            Optional<ExtractionCache.Entry> e = cache.get(keys.get(f));
            if (e.isPresent() && (!e.get().crateWide() || e.get().projectDigest().equals(project))) {
                reused.put(f, e.get().result());
            } else {
                missed.add(f);
            }
        }
        Map<SourceFile, Object> fresh = missed.isEmpty() ? Map.of() : extractAndStore(missed, keys, project);
        boolean rustHits = reused.keySet().stream().anyMatch(f -> f.language() == Language.RUST);
        boolean rustNeedsCrate = fresh.entrySet().stream().anyMatch(e -> e.getKey().language() == Language.RUST
                && e.getValue() instanceof Fresh r && r.crateWide());
        if (rustHits && rustNeedsCrate) {
            // a candidate loop's state type may be declared in a reused file: the crate table needs them all
            reused.clear();
            fresh = extractAndStore(sorted, keys, project);
        }
        for (SourceFile f : sorted) {
            FileExtraction hit = reused.get(f);
            if (hit != null) {
                listener.extracted(f, hit, false);
            } else if (fresh.get(f) instanceof Fresh r) {
                listener.extracted(f, r.result(), r.crateWide());
            } else if (fresh.get(f) instanceof RuntimeException error) {
                listener.failed(f, error);
            }
        }
        return new Counts(reused.size(), sorted.size() - reused.size());
    }

    /** A file extracted in this run. */
    private record Fresh(FileExtraction result, boolean crateWide) {
    }

    /** Extracts {@code files} together; stores each result; a file the extractor failed on maps to its error. */
    private Map<SourceFile, Object> extractAndStore(List<SourceFile> files, Map<SourceFile, String> keys,
                                                    String project) {
        Map<SourceFile, Object> out = new HashMap<>();
        new ProjectExtractor().extract(files, new ProjectExtractor.Listener() {
            @Override
            public void extracted(SourceFile file, FileExtraction result) {
                extracted(file, result, true);
            }

            @Override
            public void extracted(SourceFile file, FileExtraction result, boolean crateWide) {
                out.put(file, new Fresh(result, crateWide));
                if (result.outcome() != FileOutcome.PARSE_TIMEOUT) { // a timeout says how busy the machine was
                    cache.put(keys.get(file), new ExtractionCache.Entry(result, crateWide, project));
                }
            }

            @Override
            public void failed(SourceFile file, RuntimeException error) {
                out.put(file, error); // not stored: an extractor bug is reported again on every run
            }
        });
        return out;
    }
}
