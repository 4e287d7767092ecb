package io.loopscout.runner.translate;

import io.loopscout.core.Failure;
import io.loopscout.runner.build.CargoBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a published crate's source (with the C it vendors) into cargo's registry cache ({@link CargoBuild#fetch},
 * the only step with network) and returns where cargo unpacked it.
 */
public final class CrateFetcher {

    private static final Pattern MANIFEST = Pattern.compile("\"manifest_path\":\"([^\"]+)\"");
    private final CargoBuild cargo;
    private final CommandRunner runner;

    /** A fetcher using {@code cargo} to download and {@code runner} for the offline metadata query. */
    public CrateFetcher(CargoBuild cargo, CommandRunner runner) {
        this.cargo = cargo;
        this.runner = runner;
    }

    /** The unpacked source directory of {@code name} at exactly {@code version}. */
    public Path fetch(String project, String name, String version, Path workDir)
            throws IOException, InterruptedException {
        Path dir = workDir.resolve("fetch-" + name + "-" + version);
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("Cargo.toml"), "[package]\nname = \"loopscout-fetch\"\nversion = \"0.0.0\"\n"
                + "edition = \"2021\"\n\n[dependencies]\n" + name + " = \"=" + version + "\"\n");
        Files.writeString(dir.resolve("src/lib.rs"), "");
        Failure failure = cargo.fetch(project, dir);
        if (failure != null) {
            throw new IOException(failure.message());
        }
        // reads the fetched crate's manifest: in the sandbox like every other cargo run on corpus files
        CommandResult meta = runner.run(new Command(List.of(cargo.toolchain().cargo().toString(), "metadata",
                "--format-version", "1", "--offline"), dir, Map.of(), Duration.ofMinutes(2), List.of(dir),
                List.of()));
        if (!meta.ok()) {
            throw new IOException("cargo metadata failed in " + dir + ": " + meta.tail(400));
        }
        String suffix = "/" + name + "-" + version + "/Cargo.toml";
        Matcher m = MANIFEST.matcher(meta.stdout());
        while (m.find()) {
            if (m.group(1).endsWith(suffix)) {
                return Path.of(m.group(1)).getParent();
            }
        }
        throw new IOException("cargo fetched " + name + "@" + version + " but its source is not in cargo metadata");
    }
}
