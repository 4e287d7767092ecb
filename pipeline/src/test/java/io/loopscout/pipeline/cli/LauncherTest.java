package io.loopscout.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher ({@code ./loopscout}) in a checkout of its own: launchers started together build the jar once, and
 * a rebuild never changes the jar a running JVM reads. Maven is replaced by a script that packs a probe program
 * into the jar (the launcher's build and install steps are what is tested, not Maven); the probe prints the
 * {@code build.txt} it was packed with, read as loopscout reads its resources, through the class loader.
 */
class LauncherTest {

    private static final String PROBE = """
            public class Probe {
                public static void main(String[] args) throws Exception {
                    System.out.println("started");
                    if (args.length == 2 && args[0].equals("wait")) {
                        java.nio.file.Path flag = java.nio.file.Path.of(args[1]);
                        while (!java.nio.file.Files.exists(flag)) {
                            Thread.sleep(20);
                        }
                    }
                    try (java.io.InputStream in = Probe.class.getResourceAsStream("/build.txt")) {
                        System.out.println(new String(in.readAllBytes()).strip());
                    }
                }
            }
            """;

    /** A stand-in for {@code mvn package}: packs Probe and the checkout's build.txt into the jar folder asked for. */
    private static final String MVN = """
            #!/usr/bin/env bash
            set -eu
            dir=$(printf '%%s\\n' "$@" | sed -n 's/^-Dloopscout.jar.dir=//p')
            echo build >> "%1$s/builds"
            sleep 1  # long enough for a second launcher to arrive while this build runs
            stage=$(mktemp -d)
            cp "%1$s/Probe.class" "$stage/"
            cp pipeline/src/main/build.txt "$stage/build.txt"
            "%2$s" cfe "$dir/loopscout.jar" Probe -C "$stage" .
            """;

    @TempDir
    Path tmp;

    private Path home;
    private Path bin;

    @BeforeEach
    void checkout() throws IOException {
        home = tmp.resolve("checkout");
        Files.createDirectories(home.resolve("pipeline/src/main"));
        Files.copy(Path.of("..", "loopscout"), home.resolve("loopscout"));
        Files.writeString(home.resolve("pom.xml"), "<project/>");
        Files.writeString(home.resolve("pipeline/src/main/build.txt"), "build one");
        bin = tmp.resolve("bin");
        Files.createDirectories(bin);
        Path src = bin.resolve("Probe.java");
        Files.writeString(src, PROBE);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", bin.toString(), src.toString()));
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, MVN.formatted(bin, javaHome.resolve("bin/jar")));
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void launchersStartedTogetherBuildTheJarOnce() throws Exception {
        Process first = launch();
        Process second = launch();
        assertEquals(List.of("started", "build one"), output(first));
        assertEquals(List.of("started", "build one"), output(second));
        assertEquals(List.of("build"), Files.readAllLines(bin.resolve("builds")), "one build for both");
    }

    @Test
    void aRunningJvmKeepsReadingItsOwnJarWhenARebuildReplacesIt() throws Exception {
        Path flag = tmp.resolve("go");
        Process running = launch("wait", flag.toString());
        BufferedReader out = new BufferedReader(new InputStreamReader(running.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("started", out.readLine());

        Path source = home.resolve("pipeline/src/main/build.txt");
        Files.writeString(source, "build two");
        FileTime jarTime = Files.getLastModifiedTime(home.resolve("pipeline/target/loopscout.jar"));
        Files.setLastModifiedTime(source, FileTime.fromMillis(jarTime.toMillis() + 2000));
        assertEquals(List.of("started", "build two"), output(launch()), "the changed source rebuilt the jar");

        Files.createFile(flag); // only now does the running JVM read its build.txt
        assertEquals("build one", out.readLine(), "the running JVM read another build's jar");
        assertTrue(running.waitFor(60, TimeUnit.SECONDS));
        assertEquals(List.of("build", "build"), Files.readAllLines(bin.resolve("builds")));
    }

    private Process launch(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(home.resolve("loopscout").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(tmp.resolve("stderr-" + System.nanoTime()).toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        return pb.start();
    }

    private String stderr() throws IOException {
        StringBuilder s = new StringBuilder();
        try (var files = Files.list(tmp)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("stderr-")).sorted().toList()) {
                s.append(f.getFileName()).append(": ").append(Files.readString(f)).append('\n');
            }
        }
        return s.toString();
    }

    private List<String> output(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out + "\nlaunchers' stderr:\n" + stderr());
        return out.lines().toList();
    }
}
