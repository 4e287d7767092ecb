package io.loopscout.pipeline.acquire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.FailureClass;
import io.loopscout.core.Language;
import io.loopscout.manifest.Popularity;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.manifest.SourceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitAcquirerTest {

    @TempDir
    Path tmp;
    TestRepos origin;
    RevCommit first;
    RevCommit onFeature;
    RevCommit head;
    Acquirers acquirers;

    @BeforeEach
    void setUp() throws Exception {
        origin = TestRepos.init(tmp.resolve("origin"));
        first = origin.commit("first", Map.of("src/lib.rs", "fn one() {}\n"));
        origin.tag("v1");
        origin.branch("feature");
        onFeature = origin.commit("feature work", Map.of("src/feature.rs", "fn f() {}\n"));
        origin.checkout("main");
        origin.symlink("escape", "../../../etc/passwd");
        origin.symlink("inside", "src/lib.rs");
        head = origin.commit("second", Map.of("src/lib.rs", "fn two() {}\n"));
        acquirers = new Acquirers(tmp.resolve("cache"));
    }

    private ProjectSpec spec(String url, String rev) {
        return new ProjectSpec("p", Language.RUST, new SourceSpec.Git(url, rev), Popularity.none(), null, null, null, 1);
    }

    @Test
    void pinsToACommitShaTagOrBranch() throws Exception {
        assertEquals(first.name(), acquirers.acquire(spec(origin.url(), first.name())).revision());
        assertEquals(first.name(), acquirers.acquire(spec(origin.url(), "v1")).revision());
        assertEquals(onFeature.name(), acquirers.acquire(spec(origin.url(), "feature")).revision());
        assertEquals(head.name(), acquirers.acquire(spec(origin.url(), "main")).revision());
        assertEquals(head.name(), acquirers.acquire(spec(origin.url(), null)).revision());
    }

    @Test
    void checksOutTheFilesOfThePinnedRevision() throws Exception {
        Acquired a = acquirers.acquire(spec(origin.url(), "v1"));
        Path root = acquirers.materialize(a);
        assertEquals("fn one() {}\n", Files.readString(root.resolve("src/lib.rs")));
        assertFalse(Files.exists(root.resolve("src/feature.rs")));
    }

    @Test
    void refusesSymlinksThatLeaveTheCheckout() throws Exception {
        Path root = acquirers.materialize(acquirers.acquire(spec(origin.url(), "main")));
        assertFalse(Files.exists(root.resolve("escape"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isSymbolicLink(root.resolve("inside")));
        String refused = Files.readString(root.resolve(Acquirers.REFUSED_SYMLINKS));
        assertTrue(refused.contains("escape -> ../../../etc/passwd"), refused);
    }

    @Test
    void clonesShallow() throws Exception {
        acquirers.acquire(spec(origin.url(), "main"));
        try (Git cache = Git.open(onlyRepo().toFile())) {
            assertTrue(cache.getRepository().getObjectDatabase().has(ObjectId.fromString(head.name())));
            assertFalse(cache.getRepository().getObjectDatabase().has(ObjectId.fromString(first.name())),
                    "history below the pinned commit must not be fetched");
        }
    }

    @Test
    void secondRunUsesTheCacheAndFetchesOnlyWhatChanged() throws Exception {
        acquirers.acquire(spec(origin.url(), first.name()));
        Path repo = onlyRepo();
        // The origin is gone: a pinned commit must come from the cache without any network.
        Path moved = tmp.resolve("moved");
        Files.move(tmp.resolve("origin"), moved);
        assertEquals(first.name(), new Acquirers(tmp.resolve("cache")).acquire(spec(origin.url(), first.name()))
                .revision());
        Files.move(moved, tmp.resolve("origin"));
        // A branch that moved is fetched again, incrementally, into the same cached repository.
        acquirers.acquire(spec(origin.url(), "main"));
        RevCommit third = origin.commit("third", Map.of("src/three.rs", "fn three() {}\n"));
        assertEquals(third.name(), acquirers.acquire(spec(origin.url(), "main")).revision());
        assertEquals(repo, onlyRepo());
    }

    @Test
    void reportsMissingRepositoriesAndRevisions() {
        AcquireException noRepo = assertThrows(AcquireException.class,
                () -> acquirers.acquire(spec(tmp.resolve("nope").toUri().toString(), "main")));
        assertEquals(FailureClass.CLONE_FAIL, noRepo.failureClass());
        AcquireException noRev = assertThrows(AcquireException.class,
                () -> acquirers.acquire(spec(origin.url(), "no-such-branch")));
        assertEquals(FailureClass.CLONE_FAIL, noRev.failureClass());
        assertTrue(noRev.getMessage().contains("'no-such-branch' not found"), noRev.getMessage());
        AcquireException noSha = assertThrows(AcquireException.class,
                () -> acquirers.acquire(spec(origin.url(), "0123456789abcdef0123456789abcdef01234567")));
        assertTrue(noSha.getMessage().contains("not found"), noSha.getMessage());
    }

    @Test
    void aMissingPinnedCommitOfALocalRepositoryIsOneCleanRowNotAStackTrace() throws Exception {
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        AcquireException noSha;
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            noSha = assertThrows(AcquireException.class,
                    () -> acquirers.acquire(spec(origin.url(), "0123456789abcdef0123456789abcdef01234567")));
            Thread.sleep(200); // JGit's upload-pack thread printed after the fetch had failed
        } finally {
            System.setErr(err);
        }
        assertEquals(FailureClass.CLONE_FAIL, noSha.failureClass());
        assertTrue(noSha.getMessage().contains("'0123456789abcdef0123456789abcdef01234567' not found in "
                + origin.url()), noSha.getMessage());
        assertEquals("", captured.toString(java.nio.charset.StandardCharsets.UTF_8), "nothing on stderr");
    }

    @Test
    void credentialsInTheUrlNeverReachTheFailureMessage() {
        AcquireException e = assertThrows(AcquireException.class,
                () -> acquirers.acquire(spec("https://someone:hunter2-token@127.0.0.1:1/x.git", "main")));
        assertEquals(FailureClass.CLONE_FAIL, e.failureClass());
        assertFalse(e.getMessage().contains("hunter2") || e.getMessage().contains("someone"), e.getMessage());
        assertTrue(e.getMessage().contains("https://***@127.0.0.1:1/x.git"), e.getMessage());
    }

    private Path onlyRepo() throws Exception {
        try (var s = Files.list(tmp.resolve("cache/git"))) {
            return s.filter(p -> p.toString().endsWith(".git")).findFirst().orElseThrow();
        }
    }
}
