package io.loopscout.pipeline.acquire;

import io.loopscout.core.FailureClass;
import io.loopscout.manifest.SourceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** A local directory, used in place; its revision is its git HEAD when it is a checkout, else {@code local}. */
final class PathAcquirer implements Acquirer<SourceSpec.Path> {

    @Override
    public String resolve(SourceSpec.Path source) throws AcquireException {
        Path dir = Path.of(source.path());
        if (!Files.isDirectory(dir)) {
            throw new AcquireException(FailureClass.FETCH_FAIL, "path source is not a directory: " + dir);
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
        if (builder.getGitDir() == null) {
            return "local";
        }
        try (Repository repo = builder.build()) {
            ObjectId head = repo.resolve("HEAD");
            return head == null ? "local" : head.name();
        } catch (IOException e) {
            return "local";
        }
    }

    @Override
    public Path materialize(SourceSpec.Path source, String revision) throws AcquireException {
        Path dir = Path.of(source.path());
        if (!Files.isDirectory(dir)) {
            throw new AcquireException(FailureClass.FETCH_FAIL, "path source is not a directory: " + dir);
        }
        return dir;
    }
}
