package io.loopscout.pipeline.cli;

import io.loopscout.core.Language;
import io.loopscout.manifest.Popularity;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.manifest.SourceSpec;
import io.loopscout.pipeline.acquire.InputLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loopscout scan PATH...}: scans local directories, one project each, without cloning. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan local directories, one project each, no cloning (static evidence only).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {Main.EXIT_0, Main.EXIT_3, Main.EXIT_2, Main.EXIT_1})
final class ScanCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "project directories")
    List<Path> paths;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: ${DEFAULT-VALUE})")
    Path out = Path.of("loopscout-out");

    @Mixin
    OutcomeOptions outcome = new OutcomeOptions();

    @Option(names = {"-v", "--verbose"}, description = "debug logging")
    boolean verbose;

    @Mixin
    InputLimitOptions inputLimits = new InputLimitOptions();

    @Override
    public Integer call() throws IOException {
        Logging.configure(verbose);
        InputLimits limits = inputLimits.limits();
        if (limits == null || !CliArgs.usableBaseline(outcome.baseline)) {
            return Main.USAGE;
        }
        List<ProjectSpec> projects = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                System.err.println("loopscout: not a directory: " + p);
                return Main.USAGE;
            }
            String refused = io.loopscout.manifest.ManifestLoader.refusedPath(p);
            if (refused != null) {
                System.err.println("loopscout: " + TerminalText.shown(refused)); // the rule of a manifest's path:
                return Main.USAGE;
            }
            Path abs = p.toAbsolutePath().normalize();
            String base = idOf(abs);
            String id = base;
            for (int n = 2; !ids.add(id); n++) {
                id = base + "-" + n;
            }
            // inside a git checkout the source is the checkout and the folder its subdir, so that report paths
            // (SARIF above all) are relative to the repository root, as code scanning maps them
            Path root = checkoutRoot(abs);
            String subdir = root == null || root.equals(abs) ? null : root.relativize(abs).toString();
            projects.add(new ProjectSpec(id, languageOf(abs, limits.maxFiles()), new SourceSpec.Path((subdir == null ? abs : root)
                    .toString()), Popularity.none(), subdir, null, null, 0));
        }
        return PipelineRun.run("scan of " + paths.size() + " path(s)", projects, RunSettings.defaults(out)
                .withLimits(limits).withOutcome(outcome.baseline, outcome.failExit));
    }

    /**
     * The project id of a scanned folder: its name, lower-cased, with Unicode letters kept. Only what is unsafe
     * in a file name or a CSV cell (path separators, characters Windows forbids, control characters, spaces) is
     * replaced by {@code -}; a leading {@code =}, {@code +}, {@code -} or {@code @} is left to the CSV formula guard.
     */
    static String idOf(Path dir) {
        String name = dir.getFileName() == null ? "root" : dir.getFileName().toString();
        String id = name.toLowerCase(Locale.ROOT).replaceAll("[\\p{Cntrl}\\s/\\\\:*?\"<>|]+", "-");
        return id.isEmpty() || id.equals(".") || id.equals("..") ? "project" : id;
    }

    /** The work tree of the git checkout {@code dir} is in, or null when it is in none. */
    static Path checkoutRoot(Path dir) {
        java.io.File gitDir = new org.eclipse.jgit.storage.file.FileRepositoryBuilder().findGitDir(dir.toFile())
                .getGitDir();
        if (gitDir == null || !gitDir.getName().equals(".git")) {
            return null; // no checkout, or a bare or worktree-linked git dir: scan the folder as it is
        }
        return gitDir.toPath().getParent().toAbsolutePath().normalize();
    }

    /**
     * Rust, C or mixed, from the names of the first {@code maxFiles} files under {@code dir}; folders it cannot
     * read are passed over (the listing reports what it could not read), so this look never fails the scan.
     */
    static Language languageOf(Path dir, long maxFiles) throws IOException {
        boolean[] found = new boolean[2]; // rust, c
        long[] seen = {0};
        Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes a) {
                Language l = Language.ofFile(f.toString());
                found[0] |= l == Language.RUST;
                found[1] |= l == Language.C;
                return ++seen[0] >= maxFiles ? java.nio.file.FileVisitResult.TERMINATE
                        : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) {
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        boolean rust = found[0];
        boolean c = found[1];
        return rust && c ? Language.MIXED : c ? Language.C : Language.RUST;
    }
}
