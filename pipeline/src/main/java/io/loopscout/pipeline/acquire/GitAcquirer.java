package io.loopscout.pipeline.acquire;

import io.loopscout.core.FailureClass;
import io.loopscout.core.FileTrees;
import io.loopscout.extract.Sha256;
import io.loopscout.manifest.SourceSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Git sources through JGit: a shallow bare repository per URL in the cache, fetched incrementally, and one
 * extracted tree per commit. Symlinks that leave the tree are not created; they are listed in
 * {@value Acquirers#REFUSED_SYMLINKS} inside the tree so the scan can count them.
 */
final class GitAcquirer implements Acquirer<SourceSpec.Git> {

    private static final String COMPLETE = ".loopscout-complete";
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path root;
    private final InputLimits limits;

    GitAcquirer(Path root, InputLimits limits) {
        this.root = root;
        this.limits = limits;
    }

    @Override
    public String resolve(SourceSpec.Git source) throws AcquireException {
        synchronized (lock(source.url())) {
            try (Git git = openOrInit(source.url())) {
                Repository repo = git.getRepository();
                String rev = source.rev();
                if (rev != null && rev.matches("[0-9a-f]{40}") && hasCommit(repo, rev)) {
                    return rev; // pinned commit already in the cache: no network at all
                }
                Collection<Ref> remote = lsRemote(source.url());
                Target target = target(remote, rev, source.url());
                if (target.objectId() != null && hasCommit(repo, target.objectId().name())
                        && target.localRef() != null && target.objectId().equals(repo.resolve(target.localRef()))) {
                    return peel(repo, target.objectId());
                }
                fetch(git, source.url(), target);
                ObjectId id = target.objectId() != null ? target.objectId() : repo.resolve(rev);
                if (id == null || !hasCommit(repo, id.name())) {
                    throw new AcquireException(FailureClass.CLONE_FAIL,
                            "revision '" + rev + "' not found in " + source.url());
                }
                return peel(repo, id);
            } catch (IOException e) {
                throw new AcquireException(FailureClass.CLONE_FAIL, "cannot clone " + source.url() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    @Override
    public Path materialize(SourceSpec.Git source, String revision) throws AcquireException {
        Path tree = root.resolve(key(source.url()) + "-trees").resolve(revision);
        if (usable(tree)) {
            return tree;
        }
        synchronized (lock(source.url())) {
            if (usable(tree)) {
                return tree;
            }
            if (!Files.isDirectory(repoDir(source.url()))) {
                resolve(new SourceSpec.Git(source.url(), revision));
            }
            try (Git git = openOrInit(source.url())) {
                Repository repo = git.getRepository();
                if (!hasCommit(repo, revision)) {
                    resolve(new SourceSpec.Git(source.url(), revision));
                }
                Path tmp = Files.createTempDirectory(tree.getParent() == null ? root : createDirs(tree.getParent()),
                        ".extract-");
                extract(repo, ObjectId.fromString(revision), tmp, limits);
                Files.writeString(tmp.resolve(COMPLETE), revision + "\n");
                if (Files.exists(tree)) {
                    FileTrees.delete(tree);
                }
                Files.move(tmp, tree, StandardCopyOption.ATOMIC_MOVE);
                return tree;
            } catch (IOException e) {
                throw new AcquireException(FailureClass.CLONE_FAIL, "cannot check out " + revision + " of "
                        + source.url() + ": " + e.getMessage(), e);
            }
        }
    }

    /** What to fetch: a ref (branch or tag) or a bare commit id. */
    private record Target(String remoteRef, String localRef, ObjectId objectId) {
    }

    private Target target(Collection<Ref> remote, String rev, String url) throws AcquireException {
        if (rev == null) {
            for (Ref r : remote) {
                if (r.getName().equals(Constants.HEAD)) {
                    String name = r.isSymbolic() ? r.getTarget().getName() : null;
                    if (name != null) {
                        return new Target(name, name, r.getObjectId());
                    }
                    return new Target(null, null, r.getObjectId());
                }
            }
            throw new AcquireException(FailureClass.CLONE_FAIL, "no default branch (HEAD) in " + url);
        }
        for (String prefix : List.of(Constants.R_HEADS, Constants.R_TAGS)) {
            for (Ref r : remote) {
                if (r.getName().equals(prefix + rev)) {
                    ObjectId id = r.getPeeledObjectId() != null ? r.getPeeledObjectId() : r.getObjectId();
                    return new Target(r.getName(), r.getName(), id);
                }
            }
        }
        if (rev.matches("[0-9a-f]{40}")) {
            return new Target(null, null, ObjectId.fromString(rev));
        }
        if (rev.matches("[0-9a-f]{4,39}")) {
            return new Target(null, null, null); // abbreviated: fetch everything, then resolve
        }
        throw new AcquireException(FailureClass.CLONE_FAIL, "revision '" + rev + "' not found in " + url
                + " (no such branch, tag or commit)");
    }

    private void fetch(Git git, String url, Target target) throws AcquireException {
        try {
            if (target.remoteRef() != null) {
                git.fetch().setRemote(url).setDepth(1)
                        .setRefSpecs(new RefSpec("+" + target.remoteRef() + ":" + target.localRef())).call();
                return;
            }
            if (target.objectId() != null) {
                if (localRepositoryLacks(url, target.objectId())) {
                    throw new AcquireException(FailureClass.CLONE_FAIL, "revision '" + target.objectId().name()
                            + "' not found in " + url + " (no such commit)");
                }
                try {
                    git.fetch().setRemote(url).setDepth(1).setRefSpecs(new RefSpec(target.objectId().name())).call();
                    if (hasCommit(git.getRepository(), target.objectId().name())) {
                        return;
                    }
                } catch (GitAPIException e) {
                    // servers that refuse unadvertised commits: fall back to the whole history below
                }
            }
            git.fetch().setRemote(url).setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*"),
                    new RefSpec("+refs/tags/*:refs/tags/*")).call();
        } catch (GitAPIException e) {
            throw new AcquireException(FailureClass.CLONE_FAIL, "cannot fetch from " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * True when {@code url} is a repository on this machine ({@code file://} or a plain path) without the commit
     * {@code id}. JGit serves such a fetch in-process, and its upload-pack prints a stack trace to stderr when
     * asked for a commit it lacks; the answer is the same without asking.
     */
    private static boolean localRepositoryLacks(String url, ObjectId id) {
        try {
            URIish uri = new URIish(url);
            if (uri.getScheme() != null && !uri.getScheme().equals("file") || uri.getHost() != null) {
                return false;
            }
            java.io.File dir = RepositoryCache.FileKey.resolve(new java.io.File(uri.getPath()), FS.DETECTED);
            if (dir == null) {
                return false;
            }
            try (Repository r = new FileRepositoryBuilder().setGitDir(dir).setMustExist(true).build()) {
                return !hasCommit(r, id.name());
            }
        } catch (java.net.URISyntaxException | IOException | RuntimeException e) {
            return false; // let the fetch say what is wrong
        }
    }

    private static Collection<Ref> lsRemote(String url) throws AcquireException {
        try {
            return Git.lsRemoteRepository().setRemote(url).callAsMap().values();
        } catch (GitAPIException | RuntimeException e) {
            throw new AcquireException(FailureClass.CLONE_FAIL, "cannot reach " + url + ": " + e.getMessage(), e);
        }
    }

    private Git openOrInit(String url) throws IOException {
        Path dir = repoDir(url);
        if (Files.isDirectory(dir)) {
            return Git.open(dir.toFile());
        }
        createDirs(dir.getParent());
        try {
            Git git = Git.init().setBare(true).setDirectory(dir.toFile()).call();
            new URIish(url); // validates the URL early, with a clear message
            return git;
        } catch (GitAPIException | java.net.URISyntaxException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static boolean hasCommit(Repository repo, String id) {
        try (RevWalk walk = new RevWalk(repo)) {
            walk.parseCommit(ObjectId.fromString(id));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String peel(Repository repo, ObjectId id) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(id).getId().name();
        }
    }

    /** A complete tree, not cut under other caps than this run's (raised caps extract it again). */
    private boolean usable(Path tree) throws AcquireException {
        if (!Files.exists(tree.resolve(COMPLETE))) {
            return false;
        }
        Path capped = tree.resolve(Acquirers.CAPPED);
        try {
            return !Files.exists(capped) || Files.readAllLines(capped).get(0).equals(limits.key());
        } catch (IOException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    /**
     * Writes the commit's tree into {@code dest}, stopping at the caps: files are counted and each blob's size is
     * read before its content (streamed), so a blob bomb costs neither memory nor more disk than the cap.
     */
    private static void extract(Repository repo, ObjectId commitId, Path dest, InputLimits limits)
            throws IOException {
        List<String> refused = new ArrayList<>();
        long files = 0;
        long bytes = 0;
        try (RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            RevCommit commit = walk.parseCommit(commitId);
            tw.addTree(commit.getTree());
            tw.setRecursive(true);
            while (tw.next()) {
                Path out = dest.resolve(tw.getPathString()).normalize();
                if (!out.startsWith(dest)) {
                    refused.add(tw.getPathString());
                    continue;
                }
                if (dotGitPath(tw.getPathString())) {
                    continue; // a .git inside the checkout would be a repository (hooks, config) for any git there
                }
                FileMode mode = tw.getFileMode(0);
                if (mode == FileMode.GITLINK) {
                    continue; // submodules are not fetched
                }
                ObjectLoader loader = repo.open(tw.getObjectId(0));
                String over = limits.exceeded(files + 1, bytes + loader.getSize());
                if (over != null) {
                    Files.write(dest.resolve(Acquirers.CAPPED), List.of(limits.key(), "checkout stopped at "
                            + files + " files, " + bytes + " bytes: " + over), StandardCharsets.UTF_8);
                    break;
                }
                files++;
                bytes += loader.getSize();
                createDirs(out.getParent());
                if (mode == FileMode.SYMLINK) {
                    String target = new String(loader.getBytes(), StandardCharsets.UTF_8);
                    Path resolved = out.getParent().resolve(target).normalize();
                    if (Path.of(target).isAbsolute() || !resolved.startsWith(dest)) {
                        refused.add(tw.getPathString() + " -> " + target);
                    } else {
                        Files.createSymbolicLink(out, Path.of(target));
                    }
                    continue;
                }
                try (InputStream in = loader.openStream()) {
                    Files.copy(in, out);
                }
                if (mode == FileMode.EXECUTABLE_FILE) {
                    out.toFile().setExecutable(true);
                }
            }
        }
        refused.addAll(removeLinksOut(dest));
        if (!refused.isEmpty()) {
            Files.write(dest.resolve(Acquirers.REFUSED_SYMLINKS), refused, StandardCharsets.UTF_8);
        }
    }

    /** True for a path with a segment git treats as its own folder ({@code .git}, any case, trailing dots or spaces). */
    static boolean dotGitPath(String path) {
        for (String seg : path.split("/")) {
            if (seg.replaceAll("[. ]+$", "").equalsIgnoreCase(".git")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes the links whose real target leaves {@code dest} and returns them as {@code path -> target}. A link's
     * own text was judged when it was written, but only lexically: {@code esc -> dot/..} with {@code dot -> .}
     * stays inside on paper and is the checkout's parent on disk. Removing a link can only leave others dangling,
     * and a dangling link reaches nothing, so one pass after the checkout is complete suffices.
     */
    private static List<String> removeLinksOut(Path dest) throws IOException {
        Path root = dest.toRealPath();
        List<Path> links;
        try (java.util.stream.Stream<Path> s = Files.walk(dest)) {
            links = s.filter(Files::isSymbolicLink).toList();
        }
        List<Path> out = new ArrayList<>();
        for (Path link : links) {
            if (Files.exists(link) && !link.toRealPath().startsWith(root)) {
                out.add(link);
            }
        }
        List<String> refused = new ArrayList<>();
        for (Path link : out) {
            refused.add(dest.relativize(link) + " -> " + Files.readSymbolicLink(link));
            Files.delete(link);
        }
        return refused;
    }

    private Path repoDir(String url) {
        return root.resolve(key(url) + ".git");
    }

    private static Object lock(String url) {
        return LOCKS.computeIfAbsent(url, k -> new Object());
    }

    /** A short stable file name for a URL. */
    static String key(String url) {
        url = url.replaceAll("/+$", "");
        String tail = url.replaceAll("[^A-Za-z0-9]+", "-");
        tail = tail.length() > 40 ? tail.substring(tail.length() - 40) : tail;
        return tail + "-" + Sha256.hex(url, 6);
    }

    private static Path createDirs(Path dir) throws IOException {
        return Files.createDirectories(dir);
    }

}
