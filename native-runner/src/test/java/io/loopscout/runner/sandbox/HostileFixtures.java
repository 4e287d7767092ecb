package io.loopscout.runner.sandbox;

import io.loopscout.runner.build.BuildResult;
import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.build.Variant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds members of the hostile workspace (src/test/resources/hostile) in the sandbox. */
final class HostileFixtures {
    private HostileFixtures() {
    }

    /** Builds the given members (release) in {@code sandbox}. */
    static BuildResult build(Sandbox sandbox, Path workspace, Path target, List<String> members) throws IOException {
        CargoBuild cargo = new CargoBuild(sandbox, RustToolchain.detect());
        List<String> args = new ArrayList<>(List.of("build", "--release"));
        members.forEach(m -> args.addAll(List.of("-p", m)));
        return cargo.build(workspace, workspace, target, Variant.A, args, "", Limits.build());
    }
}
