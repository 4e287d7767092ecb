package io.loopscout.runner.build;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.runner.sandbox.SandboxResult;
import java.nio.file.Path;
import java.util.List;

/**
 * One sandboxed build of one variant.
 *
 * @param variant     the variant built
 * @param result      how the build command ended
 * @param executables executables cargo reported (bins, examples, bench harnesses), in report order
 */
public record BuildResult(Variant variant, SandboxResult result, List<Path> executables) {
    public BuildResult {
        executables = List.copyOf(executables);
    }

    /**
     * The executable of target {@code name} (a bin or example), or the last one built when {@code name} is
     * null; null when there is none.
     */
    public Path executable(String name) {
        Path found = null;
        for (Path p : executables) {
            if (name == null || p.getFileName().toString().equals(name)) {
                found = p;
            }
        }
        return found;
    }

    /** The failure record of a failed build (its cause read from cargo's messages), or null when it built. */
    public Failure toFailure(String project, String stage, String what) {
        return result.toFailure(project, stage, FailureClass.BUILD_FAIL, what,
                CargoDiagnostics.firstError(result.log()));
    }

    /** True when the build succeeded. */
    public boolean ok() {
        return result.ok();
    }
}
