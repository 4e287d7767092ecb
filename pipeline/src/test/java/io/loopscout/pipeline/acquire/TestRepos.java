package io.loopscout.pipeline.acquire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;

/** Builds real git repositories for tests with JGit: files, commits, branches, tags. */
public final class TestRepos {

    private final Git git;
    private final Path dir;

    private TestRepos(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    /** A new repository with {@code main} as its initial branch. */
    public static TestRepos init(Path dir) throws GitAPIException {
        return new TestRepos(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
    }

    /** The repository's file:// URL. */
    public String url() {
        return "file://" + dir.toAbsolutePath();
    }

    /** Writes files (path → content) and commits them all. */
    public RevCommit commit(String message, Map<String, String> files) throws IOException, GitAPIException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                .setSign(false).call();
    }

    /** Writes a binary file and commits it. */
    public RevCommit commitBytes(String message, String path, byte[] content) throws IOException, GitAPIException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.org").setSign(false).call();
    }

    /** Adds a symbolic link and commits it. */
    public RevCommit symlink(String path, String target) throws IOException, GitAPIException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.createSymbolicLink(p, Path.of(target));
        git.add().addFilepattern(".").call();
        return git.commit().setMessage("link " + path).setAuthor("t", "t@example.org").setSign(false).call();
    }

    /** The files of a directory under src/test/resources, path → text, for {@link #commit}. */
    public static Map<String, String> resourceTree(String dir) throws IOException {
        Path root;
        try {
            root = Path.of(TestRepos.class.getResource("/" + dir).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        Map<String, String> files = new java.util.LinkedHashMap<>();
        try (java.util.stream.Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    /** Creates an annotated tag on HEAD. */
    public void tag(String name) throws GitAPIException {
        git.tag().setName(name).setAnnotated(true).setMessage(name).setSigned(false).call();
    }

    /** Creates a branch at HEAD and checks it out. */
    public void branch(String name) throws GitAPIException {
        git.checkout().setCreateBranch(true).setName(name).call();
    }

    /** Checks out an existing branch. */
    public void checkout(String name) throws GitAPIException {
        git.checkout().setName(name).call();
    }
}
