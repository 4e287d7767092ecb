package io.loopscout.runner.hostile;

import io.loopscout.runner.TestFixtures;
import io.loopscout.runner.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * What a hostile crate reaches for on the host, watched by the test: a loopback listener that counts
 * connections and a directory outside every sandbox bind where markers would appear. The crate learns both from
 * {@code hostile-targets.txt} (marker directory, then port), which this writes into each copy of a fixture.
 */
final class HostileHost implements AutoCloseable {
    private final ServerSocket listener;
    private final AtomicInteger connections = new AtomicInteger();
    private final Path markers;
    private final Thread acceptor;

    HostileHost(Path scratch) throws IOException {
        this.markers = Files.createDirectories(scratch.resolve("host-markers"));
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    connections.incrementAndGet();
                } catch (SocketException closed) {
                    return;
                } catch (IOException e) {
                    // keep listening
                }
            }
        }, "hostile-listener");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The bwrap sandbox; the calling test is skipped (not failed) where bwrap cannot run. */
    static Sandbox bwrapOrSkip() {
        Sandbox sandbox = Sandbox.detect();
        Assumptions.assumeTrue(sandbox.isolation() == Sandbox.Isolation.BWRAP, "no bwrap here: " + sandbox.method());
        return sandbox;
    }

    /** Copies fixture {@code resource} to {@code into}, tells it where the host is, makes its scripts executable. */
    Path plant(String resource, Path into) throws IOException {
        Path crate = TestFixtures.copyResource(resource, Files.createDirectories(into));
        Files.writeString(crate.resolve("hostile-targets.txt"), markers + "\n" + listener.getLocalPort() + "\n");
        try (Stream<Path> files = Files.walk(crate)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".sh")).toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        return crate;
    }

    /** Connections the listener accepted so far. */
    int connections() {
        return connections.get();
    }

    /** Names of the marker files that appeared on the host. */
    List<String> markers() {
        try (Stream<Path> files = Files.list(markers)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
