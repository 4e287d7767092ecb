package io.loopscout.pipeline.acquire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.FailureClass;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code .crate} is a gzipped tar from the internet: entries that are not plain files or folders of the crate's
 * own directory (FIFOs, devices, hard or symbolic links, absolute or {@code ..} names, names outside
 * {@code NAME-VERSION/}, also through GNU long names and pax headers) are refused before anything is unpacked,
 * with the entry named; a plain crate unpacks.
 */
class HostileCrateTest {

    @TempDir
    Path tmp;

    @Test
    void aPlainCrateUnpacks() throws IOException, AcquireException {
        Path archive = crate("ok-1.0.0", w -> {
            w.dir("ok-1.0.0/");
            w.file("ok-1.0.0/Cargo.toml", "[package]\nname = \"ok\"\n");
            w.longName("ok-1.0.0/src/" + "a".repeat(120) + ".rs");
            w.file("(long name)", "pub fn f() {}\n");
            w.pax("path", "ok-1.0.0/src/" + "p".repeat(110) + ".rs");
            w.file("(pax name)", "pub fn g() {}\n");
        });
        Path dir = new CrateAcquirer(tmp.resolve("cache"), InputLimits.DEFAULT).unpack(archive, "ok", "1.0.0");
        assertTrue(Files.isRegularFile(dir.resolve("Cargo.toml")));
        assertTrue(Files.isRegularFile(dir.resolve("src/" + "a".repeat(120) + ".rs")));
        assertTrue(Files.isRegularFile(dir.resolve("src/" + "p".repeat(110) + ".rs")));
    }

    @Test
    void aSymlinkOutOfTheCrateIsRefused() throws IOException {
        refused(crate("evil-1.0.0", w -> {
            w.file("evil-1.0.0/Cargo.toml", "x");
            w.link('2', "evil-1.0.0/src/lib.rs", "/root/.cargo/credentials.toml");
        }), "evil-1.0.0/src/lib.rs", "symbolic link");
    }

    @Test
    void aSymlinkInsideTheCrateIsRefusedToo() throws IOException {
        // cargo package writes linked files as plain files: a link in a .crate was made by hand
        refused(crate("evil-1.0.0", w -> w.link('2', "evil-1.0.0/src/lib.rs", "../Cargo.toml")),
                "evil-1.0.0/src/lib.rs", "symbolic link");
    }

    @Test
    void aHardLinkIsRefused() throws IOException {
        refused(crate("evil-1.0.0", w -> w.link('1', "evil-1.0.0/passwd", "/etc/passwd")), "evil-1.0.0/passwd",
                "hard link");
    }

    @Test
    void aFifoOrDeviceIsRefused() throws IOException {
        refused(crate("evil-1.0.0", w -> w.special('6', "evil-1.0.0/src/lib.rs")), "evil-1.0.0/src/lib.rs", "FIFO");
        refused(crate("evil-1.0.0", w -> w.special('3', "evil-1.0.0/tty")), "evil-1.0.0/tty", "device");
        refused(crate("evil-1.0.0", w -> w.special('4', "evil-1.0.0/sda")), "evil-1.0.0/sda", "device");
    }

    @Test
    void absoluteDotDotAndForeignNamesAreRefused() throws IOException {
        refused(crate("evil-1.0.0", w -> w.file("/tmp/evil-owned", "x")), "/tmp/evil-owned", "absolute");
        refused(crate("evil-1.0.0", w -> w.file("evil-1.0.0/../../owned", "x")), "evil-1.0.0/../../owned", "..");
        refused(crate("evil-1.0.0", w -> w.file("other-2.0.0/src/lib.rs", "x")), "other-2.0.0/src/lib.rs",
                "outside evil-1.0.0/");
        refused(crate("evil-1.0.0", w -> {
            w.longName("evil-1.0.0/../../" + "d".repeat(100));
            w.file("(long name)", "x");
        }), "..", "..");
        refused(crate("evil-1.0.0", w -> {
            w.pax("path", "/etc/cron.d/evil");
            w.file("evil-1.0.0/harmless", "x");
        }), "/etc/cron.d/evil", "absolute");
    }

    private void refused(Path archive, String entry, String why) {
        CrateAcquirer acquirer = new CrateAcquirer(tmp.resolve("cache"), InputLimits.DEFAULT);
        AcquireException e = assertThrows(AcquireException.class, () -> acquirer.unpack(archive, "evil", "1.0.0"));
        assertEquals(FailureClass.FETCH_FAIL, e.failureClass(), e.getMessage());
        assertTrue(e.getMessage().contains(entry) && e.getMessage().contains(why)
                && e.getMessage().contains("evil 1.0.0"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("cache/evil-1.0.0")), "nothing unpacked");
        assertFalse(Files.exists(Path.of("/tmp/evil-owned")));
    }

    private interface Entries {
        void write(TarWriter w) throws IOException;
    }

    private Path crate(String name, Entries entries) throws IOException {
        Path archive = tmp.resolve(name + "-" + System.nanoTime() + ".crate");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive))) {
            TarWriter w = new TarWriter(out);
            entries.write(w);
            out.write(new byte[1024]);
        }
        return archive;
    }

    /** Writes ustar entries byte by byte, the way a hostile packer can. */
    private static final class TarWriter {
        private final OutputStream out;

        TarWriter(OutputStream out) {
            this.out = out;
        }

        void file(String name, String content) throws IOException {
            byte[] data = content.getBytes(StandardCharsets.UTF_8);
            header(name, '0', data.length, "");
            body(data);
        }

        void dir(String name) throws IOException {
            header(name, '5', 0, "");
        }

        void link(char type, String name, String target) throws IOException {
            header(name, type, 0, target);
        }

        void special(char type, String name) throws IOException {
            header(name, type, 0, "");
        }

        void longName(String name) throws IOException {
            byte[] data = (name + "\0").getBytes(StandardCharsets.UTF_8);
            header("././@LongLink", 'L', data.length, "");
            body(data);
        }

        void pax(String key, String value) throws IOException {
            String rec = " " + key + "=" + value + "\n";
            int len = rec.length() + 1;
            while (Integer.toString(len).length() + rec.length() != len) {
                len = Integer.toString(len).length() + rec.length();
            }
            byte[] data = (len + rec).getBytes(StandardCharsets.UTF_8);
            header("PaxHeaders/x", 'x', data.length, "");
            body(data);
        }

        private void body(byte[] data) throws IOException {
            out.write(data);
            out.write(new byte[(512 - data.length % 512) % 512]);
        }

        private void header(String name, char type, long size, String link) throws IOException {
            byte[] h = new byte[512];
            put(h, 0, 100, name);
            put(h, 100, 8, "0000644");
            put(h, 108, 8, "0000000");
            put(h, 116, 8, "0000000");
            put(h, 124, 12, String.format("%011o", size));
            put(h, 136, 12, "00000000000");
            h[156] = (byte) type;
            put(h, 157, 100, link);
            put(h, 257, 6, "ustar");
            put(h, 263, 2, "00");
            java.util.Arrays.fill(h, 148, 156, (byte) ' ');
            int sum = 0;
            for (byte b : h) {
                sum += b & 0xff;
            }
            put(h, 148, 8, String.format("%06o", sum) + "\0 ");
            out.write(h);
        }

        private static void put(byte[] h, int off, int len, String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(b, 0, h, off, Math.min(len, b.length));
        }
    }

}
