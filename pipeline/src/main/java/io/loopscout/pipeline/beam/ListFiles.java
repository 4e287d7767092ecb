package io.loopscout.pipeline.beam;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.extract.SourceFile;
import io.loopscout.pipeline.acquire.AcquireException;
import io.loopscout.pipeline.acquire.Acquired;
import io.loopscout.pipeline.acquire.Acquirers;
import io.loopscout.pipeline.acquire.InputLimits;
import io.loopscout.pipeline.scan.FileLister;
import io.loopscout.pipeline.scan.ScanStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.values.KV;

/**
 * Step ListFiles of the extract stage: re-opens an acquired project from the cache (so stages need no shared
 * disk) and reads its Rust and C files, with the scan counts. The files stay inside the step that extracts them:
 * one project's texts at a time in memory, never a run's.
 */
final class ListFiles {

    static final String STAGE = "list-files";

    private ListFiles() {
    }

    /**
     * The project's files, or null when it could not be listed; the counts go to {@code stats}, a listing that
     * stopped at a cap or failed to {@code failures}.
     */
    static List<SourceFile> list(Acquired acquired, LoopscoutOptions options, Consumer<KV<String, ScanStats>> stats,
                                 Consumer<Failure> failures) {
        String id = acquired.spec().id();
        Progress.stage(id, STAGE);
        InputLimits limits = LoopscoutOptions.limits(options);
        Acquirers acquirers = new Acquirers(Path.of(options.getCacheDir()), limits);
        try {
            Path root = acquirers.materialize(acquired);
            List<SourceFile> files = new ArrayList<>();
            FileLister.Listing listing = new FileLister(FileLister.MAX_FILE_BYTES, limits)
                    .list(id, acquired.revision(), root, files::add);
            stats.accept(KV.of(id, listing.stats()));
            if (listing.capped() != null) {
                // the project's results cover only what was read: said in failures.csv, typed
                failures.accept(new Failure(id, STAGE, FailureClass.INPUT_CAPPED, listing.capped()));
            }
            return files;
        } catch (AcquireException e) {
            failures.accept(new Failure(id, STAGE, e.failureClass(), e.getMessage()));
        } catch (IOException | RuntimeException e) {
            failures.accept(Failure.of(id, STAGE, FailureClass.FETCH_FAIL, e));
        }
        return null;
    }
}
