package io.loopscout.pipeline.acquire;

import io.loopscout.manifest.ProjectSpec;
import java.io.Serializable;

/**
 * A project whose source is in the cache at a resolved revision. Carries no local path on purpose: every stage
 * that needs the files asks {@link Acquirers#materialize} again, so stages need not share a disk.
 *
 * @param spec     the manifest entry
 * @param revision the resolved revision: a commit SHA, a crate version, or a path's git HEAD
 */
public record Acquired(ProjectSpec spec, String revision) implements Serializable {
}
