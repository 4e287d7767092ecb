package io.loopscout.pipeline.acquire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Language;
import io.loopscout.manifest.Popularity;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.manifest.SourceSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.lib.TreeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A git source is a repository from the internet, cloned with JGit: nothing it carries runs. Real repositories
 * carry every shape git lets a hostile author write: a {@code .gitattributes} filter, hooks and
 * {@code core.fsmonitor}/{@code core.sshCommand}/{@code core.hooksPath} in the origin's own config, a
 * {@code .gitmodules} whose URLs start with {@code -} or {@code file:}, tree entries named {@code .git} (hooks and
 * a config with {@code core.fsmonitor} inside the checkout) and a symlink that leaves the checkout only through
 * another symlink. The checkout holds the committed bytes, no {@code .git} entry, no submodule, no escaping link,
 * and no command ran.
 */
class HostileGitTest {

    @TempDir
    Path tmp;

    private ProjectSpec spec(String url) {
        return new ProjectSpec("evil", Language.RUST, new SourceSpec.Git(url, "main"), Popularity.none(), null, null,
                null, 1);
    }

    @Test
    void nothingTheRepositorySuppliesRuns() throws Exception {
        Path marker = tmp.resolve("pwned");
        String touch = "touch " + marker;
        TestRepos origin = TestRepos.init(tmp.resolve("origin"));
        origin.commit("hostile", Map.of(
                ".gitattributes", "* filter=evil diff=evil\n*.rs text eol=crlf ident\n",
                ".gitmodules", "[submodule \"a\"]\n\tpath = sub\n\turl = -u./payload\n"
                        + "[submodule \"b\"]\n\tpath = sub2\n\turl = file://" + tmp.resolve("secret-repo") + "\n",
                "src/lib.rs", "fn f() {} // $Id$\n"));
        try (Git git = Git.open(tmp.resolve("origin").toFile())) {
            StoredConfig c = git.getRepository().getConfig();
            c.setString("filter", "evil", "smudge", touch);
            c.setString("filter", "evil", "clean", touch);
            c.setString("filter", "evil", "process", touch);
            c.setString("core", null, "fsmonitor", touch);
            c.setString("core", null, "sshCommand", touch);
            c.setString("core", null, "hooksPath", tmp.resolve("hooks").toString());
            c.setString("uploadpack", null, "packObjectsHook", touch);
            c.save();
        }
        for (Path hooks : new Path[] {tmp.resolve("origin/.git/hooks"), tmp.resolve("hooks")}) {
            Files.createDirectories(hooks);
            for (String hook : new String[] {"post-checkout", "post-merge", "pre-upload-pack", "post-receive",
                    "reference-transaction", "fsmonitor-watchman"}) {
                Path h = Files.writeString(hooks.resolve(hook), "#!/bin/sh\n" + touch + "\n");
                h.toFile().setExecutable(true);
            }
        }
        Acquirers acquirers = new Acquirers(tmp.resolve("cache"));
        Path root = acquirers.materialize(acquirers.acquire(spec(origin.url())));
        assertEquals("fn f() {} // $Id$\n", Files.readString(root.resolve("src/lib.rs")), "raw bytes, no filter");
        assertFalse(Files.exists(root.resolve("sub")) || Files.exists(root.resolve("sub2")), "no submodule");
        assertFalse(Files.exists(marker), "a repository-supplied command ran");
        try (Git cache = Git.open(onlyRepo().toFile())) {
            StoredConfig c = cache.getRepository().getConfig();
            assertEquals(null, c.getString("core", null, "fsmonitor"));
            assertEquals(null, c.getString("filter", "evil", "smudge"), "the origin's config is not cloned");
        }
    }

    @Test
    void treeEntriesNamedDotGitAndLinksOutThroughLinksAreNotCheckedOut() throws Exception {
        Path originDir = tmp.resolve("crafted.git");
        ObjectId commit;
        try (Repository repo = Git.init().setBare(true).setDirectory(originDir.toFile()).setInitialBranch("main")
                .call().getRepository(); ObjectInserter ins = repo.newObjectInserter()) {
            // git itself refuses to write these; a hostile author writes the objects directly
            TreeFormatter hooks = new TreeFormatter();
            hooks.append("post-checkout", FileMode.EXECUTABLE_FILE, blob(ins, "#!/bin/sh\ntouch /tmp/pwned\n"));
            TreeFormatter dotGit = new TreeFormatter();
            dotGit.append("config", FileMode.REGULAR_FILE, blob(ins, "[core]\n\tfsmonitor = touch /tmp/pwned\n"));
            dotGit.append("hooks", FileMode.TREE, ins.insert(hooks));
            TreeFormatter upper = new TreeFormatter();
            upper.append("config", FileMode.REGULAR_FILE, blob(ins, "[core]\n\tsshCommand = touch /tmp/pwned\n"));
            TreeFormatter src = new TreeFormatter();
            src.append(".GIT", FileMode.TREE, ins.insert(upper));
            src.append("lib.rs", FileMode.REGULAR_FILE, blob(ins, "fn f() {}\n"));
            TreeFormatter top = new TreeFormatter();
            top.append(".git", FileMode.TREE, ins.insert(dotGit));
            top.append("dot", FileMode.SYMLINK, blob(ins, "."));
            top.append("esc", FileMode.SYMLINK, blob(ins, "dot/.."));
            top.append("src", FileMode.TREE, ins.insert(src));
            CommitBuilder cb = new CommitBuilder();
            cb.setTreeId(ins.insert(top));
            PersonIdent who = new PersonIdent("t", "t@example.org");
            cb.setAuthor(who);
            cb.setCommitter(who);
            cb.setMessage("crafted");
            commit = ins.insert(cb);
            ins.flush();
            RefUpdate ru = repo.updateRef(Constants.R_HEADS + "main");
            ru.setNewObjectId(commit);
            ru.forceUpdate();
        }
        Acquirers acquirers = new Acquirers(tmp.resolve("cache"));
        Path root = acquirers.materialize(acquirers.acquire(spec("file://" + originDir)));
        assertEquals("fn f() {}\n", Files.readString(root.resolve("src/lib.rs")));
        assertFalse(Files.exists(root.resolve(".git"), LinkOption.NOFOLLOW_LINKS), ".git written into the checkout");
        assertFalse(Files.exists(root.resolve("src/.GIT"), LinkOption.NOFOLLOW_LINKS), ".GIT written");
        assertTrue(Files.isSymbolicLink(root.resolve("dot")), "a link inside stays");
        assertFalse(Files.exists(root.resolve("esc"), LinkOption.NOFOLLOW_LINKS),
                "esc -> dot/.. is the checkout's parent: " + (Files.exists(root.resolve("esc"))
                        ? root.resolve("esc").toRealPath() : ""));
        String refused = Files.readString(root.resolve(Acquirers.REFUSED_SYMLINKS));
        assertTrue(refused.contains("esc -> dot/.."), refused);
    }

    private static ObjectId blob(ObjectInserter ins, String text) throws java.io.IOException {
        return ins.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path onlyRepo() throws java.io.IOException {
        try (var s = Files.list(tmp.resolve("cache/git"))) {
            return s.filter(p -> p.toString().endsWith(".git")).findFirst().orElseThrow();
        }
    }
}
