package io.loopscout.pipeline.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.extract.SourceFile;
import io.loopscout.pipeline.acquire.Acquirers;
import io.loopscout.pipeline.acquire.InputLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileListerTest {

    @TempDir
    Path tmp;

    @Test
    void skipsHugeAndBinaryFilesRefusesEscapingLinksAndCountsThem() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/lib.rs"), "fn a() {}\n");
        Files.writeString(root.resolve("src/huge.rs"), "// x\n".repeat(2000));
        Files.write(root.resolve("src/blob.c"), new byte[] {'i', 'n', 't', 0, 1, 2});
        Files.write(root.resolve("src/latin1.c"), new byte[] {'/', '*', ' ', (byte) 0xE9, ' ', '*', '/', '\n'});
        Files.writeString(root.resolve("README.md"), "not source\n");
        Files.writeString(tmp.resolve("secret.rs"), "fn outside() {}\n");
        Files.createSymbolicLink(root.resolve("src/escape.rs"), Path.of("../../secret.rs"));
        Files.createSymbolicLink(root.resolve("src/alias.rs"), Path.of("lib.rs"));
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/hook.rs"), "fn hidden() {}\n");

        List<SourceFile> files = new ArrayList<>();
        ScanStats stats = new FileLister(5000, InputLimits.DEFAULT).list("p", "v1", root, files::add).stats();

        assertEquals(List.of("src/latin1.c", "src/lib.rs"), files.stream().map(SourceFile::path).toList());
        assertEquals(ScanStats.listed(2, 18, 1, 1, 1, 1), stats);
        assertTrue(files.get(0).text().contains("\uFFFD"), "invalid UTF-8 becomes a replacement character");
        assertEquals("v1", files.get(1).version());
    }

    @Test
    void countsSymlinksGitAcquisitionRefused() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("checkout"));
        Files.writeString(root.resolve(Acquirers.REFUSED_SYMLINKS), "a -> /etc/passwd\nb -> ../../x\n");
        ScanStats stats = new FileLister().list("p", "v", root, f -> { }).stats();
        assertEquals(2, stats.symlinksRefused());
    }
}
