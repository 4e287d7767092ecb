package io.loopscout.pipeline.acquire;

import io.loopscout.manifest.SourceSpec;
import java.nio.file.Path;

/** Brings one kind of source into the cache. */
public interface Acquirer<S extends SourceSpec> {

    /** Resolves the source's revision, fetching what is missing; returns the revision. */
    String resolve(S source) throws AcquireException;

    /** The directory holding the source at {@code revision}, materialising it from the cache if needed. */
    Path materialize(S source, String revision) throws AcquireException;
}
