package io.loopscout.pipeline.cli;

import io.loopscout.manifest.Manifest;
import io.loopscout.manifest.ManifestException;
import io.loopscout.manifest.ManifestLoader;
import io.loopscout.manifest.ManifestProblem;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code loopscout validate FILE}: checks a manifest and reports every problem with its line. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a manifest; report every problem with its line. Exit 2 when invalid.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the manifest (YAML)")
    Path file;

    @Override
    public Integer call() {
        if (!CliArgs.readableManifest(file)) {
            return Main.USAGE;
        }
        try {
            Manifest m = ManifestLoader.load(file);
            System.out.println(file + ": ok, " + m.projects().size() + " projects");
            return 0;
        } catch (ManifestException e) {
            for (ManifestProblem p : e.problems()) {
                System.err.println(TerminalText.shown(p.toString()));
            }
            System.err.println(file + ": " + e.problems().size() + " problem(s)");
            return Main.USAGE;
        }
    }
}
