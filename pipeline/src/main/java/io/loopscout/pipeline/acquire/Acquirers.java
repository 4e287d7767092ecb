package io.loopscout.pipeline.acquire;

import io.loopscout.core.FailureClass;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.manifest.SourceSpec;
import java.nio.file.Files;
import java.nio.file.Path;

/** Dispatches a project's source to the acquirer of its kind; the one entry point of acquisition. */
public final class Acquirers {

    /**
     * The file, inside an acquired tree, that lists the symbolic links acquisition refused to create because they
     * leave the tree (one per line); the scan counts them.
     */
    public static final String REFUSED_SYMLINKS = ".loopscout-refused-symlinks";

    /**
     * The file, inside an acquired tree, saying acquisition stopped at a cap of {@link InputLimits}: its first
     * line is the caps, its second why; the listing reports it as an {@code input-capped} failure.
     */
    public static final String CAPPED = ".loopscout-capped";

    private final GitAcquirer git;
    private final CrateAcquirer crate;
    private final PathAcquirer path;

    /** Acquirers caching under {@code cacheRoot}, with the default caps. */
    public Acquirers(Path cacheRoot) {
        this(cacheRoot, InputLimits.DEFAULT);
    }

    /** Acquirers caching under {@code cacheRoot} that write at most {@code limits} per project. */
    public Acquirers(Path cacheRoot, InputLimits limits) {
        this.git = new GitAcquirer(cacheRoot.resolve("git"), limits);
        this.crate = new CrateAcquirer(cacheRoot.resolve("crates"), limits);
        this.path = new PathAcquirer();
    }

    /** The default cache root: {@code $XDG_CACHE_HOME/loopscout}, else {@code ~/.cache/loopscout}. */
    public static Path defaultCacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("loopscout");
    }

    /** Fetches the project's source and resolves its revision. */
    public Acquired acquire(ProjectSpec spec) throws AcquireException {
        SourceSpec source = spec.source();
        String revision;
        if (source instanceof SourceSpec.Git g) {
            revision = git.resolve(g);
        } else if (source instanceof SourceSpec.Crate c) {
            revision = crate.resolve(c);
        } else {
            revision = path.resolve((SourceSpec.Path) source);
        }
        return new Acquired(spec, revision);
    }

    /** The project's root directory (its {@code subdir} applied) at the acquired revision. */
    public Path materialize(Acquired acquired) throws AcquireException {
        ProjectSpec spec = acquired.spec();
        Path root = checkoutRoot(acquired);
        if (spec.subdir() == null || spec.subdir().isBlank()) {
            return root;
        }
        Path sub = root.resolve(spec.subdir()).normalize();
        if (!sub.startsWith(root) || !Files.isDirectory(sub)) {
            throw new AcquireException(FailureClass.FETCH_FAIL, "subdir '" + spec.subdir() + "' is not a directory of "
                    + spec.source().display());
        }
        return sub;
    }

    /** The whole checkout (the workspace, before {@code subdir}) at the acquired revision. */
    public Path checkoutRoot(Acquired acquired) throws AcquireException {
        SourceSpec source = acquired.spec().source();
        Path root;
        if (source instanceof SourceSpec.Git g) {
            root = git.materialize(g, acquired.revision());
        } else if (source instanceof SourceSpec.Crate c) {
            root = crate.materialize(c, acquired.revision());
        } else {
            root = path.materialize((SourceSpec.Path) source, acquired.revision());
        }
        return root;
    }
}
