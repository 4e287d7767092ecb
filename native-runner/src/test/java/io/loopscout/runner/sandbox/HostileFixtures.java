package io.loopscout.runner.sandbox;

import io.loopscout.runner.build.BuildResult;
import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.build.Variant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** Copies a fixture tree from the test resources into a scratch directory, and builds the hostile workspace. */
final class HostileFixtures {
    private HostileFixtures() {
    }

    static Path copyResource(String name, Path into) {
        try {
            Path src = Path.of(HostileFixtures.class.getResource("/" + name).toURI());
            Path dst = into.resolve(name);
            try (Stream<Path> walk = Files.walk(src)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path t = dst.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return dst;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds the given members of the hostile workspace (release) in the sandbox. */
    static BuildResult build(Sandbox sandbox, Path workspace, Path target, List<String> members) throws IOException {
        CargoBuild cargo = new CargoBuild(sandbox, RustToolchain.detect());
        List<String> args = new java.util.ArrayList<>(List.of("build", "--release"));
        members.forEach(m -> args.addAll(List.of("-p", m)));
        return cargo.build(workspace, workspace, target, Variant.A, args, "", Limits.build());
    }
}
