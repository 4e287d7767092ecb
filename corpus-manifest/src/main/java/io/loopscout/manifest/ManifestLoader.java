package io.loopscout.manifest;

import io.loopscout.core.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Loads and validates a manifest (shared/design.md, Manifest). Works on SnakeYAML's node tree so that every
 * problem names its line; collects all problems before failing.
 */
public final class ManifestLoader {

    private static final Pattern ID = Pattern.compile("[a-z0-9._-]+");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Set<String> PROJECT_KEYS =
            Set.of("id", "language", "source", "popularity", "subdir", "bench", "notes", "translate");
    private static final Set<String> TRANSLATE_KEYS = Set.of("sources", "defines", "harness", "rust_port");
    private static final Set<String> PORT_KEYS = Set.of("crate", "version", "features");
    private static final Set<String> POPULARITY_KEYS = Set.of("downloads", "stars", "as_of");
    private static final Set<String> BENCH_KEYS = Set.of("command", "rustflags", "driver", "args");

    private final String file;
    private final Path baseDir;
    private final List<ManifestProblem> problems = new ArrayList<>();

    private ManifestLoader(String file, Path baseDir) {
        this.file = file;
        this.baseDir = baseDir;
    }

    /** Loads the manifest at {@code path}; relative {@code path:} sources resolve against its folder. */
    public static Manifest load(Path path) throws ManifestException {
        String text = readText(path);
        Path dir = path.toAbsolutePath().getParent();
        return parse(path.toString(), text, dir);
    }

    /**
     * The manifest's text: at most {@link #MAX_BYTES} bytes are read (so {@code /dev/zero} or a runaway file
     * stops there, while a pipe such as {@code <(...)} still works), decoded strictly as UTF-8; a byte that is
     * not UTF-8 is reported at its line.
     */
    private static String readText(Path path) throws ManifestException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw single(path, 0, "cannot read manifest: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw single(path, 0, "the manifest is larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw single(path, line, String.format("not UTF-8 (byte 0x%02X): save the manifest as UTF-8",
                    bytes[at] & 0xff));
        }
        return out.flip().toString();
    }

    private static ManifestException single(Path path, int line, String message) {
        return new ManifestException(List.of(new ManifestProblem(path.toString(), line, null, message)));
    }

    /** Parses manifest text; {@code baseDir} resolves relative {@code path:} sources. */
    public static Manifest parse(String fileName, String text, Path baseDir) throws ManifestException {
        ManifestLoader loader = new ManifestLoader(fileName, baseDir);
        List<ProjectSpec> projects = loader.read(text);
        if (!loader.problems.isEmpty()) {
            throw new ManifestException(loader.problems);
        }
        return new Manifest(fileName, projects);
    }

    private List<ProjectSpec> read(String text) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(MAX_ALIASES);
            options.setCodePointLimit(MAX_CODE_POINTS);
            options.setNestingDepthLimit(MAX_DEPTH);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problem(line, null, "not valid YAML: " + e.getProblem());
            return List.of();
        } catch (RuntimeException e) {
            // SnakeYAML's alias and nesting limits (a "billion laughs" bomb, [[[[...) carry no position: find it
            problem(limitLine(text), null, "not valid YAML: " + e.getMessage());
            return List.of();
        }
        if (!(root instanceof MappingNode rootMap)) {
            problem(root == null ? 1 : line(root), null, "the manifest must be a mapping with a 'projects' list");
            return List.of();
        }
        Map<String, NodeTuple> top = keys(rootMap, Set.of("projects"), null);
        NodeTuple projectsTuple = top.get("projects");
        if (projectsTuple == null) {
            problem(line(rootMap), null, "missing required key 'projects'");
            return List.of();
        }
        if (!(projectsTuple.getValueNode() instanceof SequenceNode list)) {
            problem(line(projectsTuple.getValueNode()), null, "'projects' must be a list");
            return List.of();
        }
        List<ProjectSpec> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Node item : list.getValue()) {
            ProjectSpec spec = project(item);
            if (spec == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(spec.id(), spec.line());
            if (first != null) {
                problem(spec.line(), spec.id(), "duplicate id (first defined at line " + first + ")");
                continue;
            }
            out.add(spec);
        }
        return out;
    }

    private ProjectSpec project(Node node) {
        if (!(node instanceof MappingNode map)) {
            problem(line(node), null, "a project must be a mapping");
            return null;
        }
        String id = scalar(map, "id");
        Map<String, NodeTuple> k = keys(map, PROJECT_KEYS, id);
        int errorsBefore = problems.size();
        if (id == null) {
            problem(line(map), null, "missing required key 'id'");
        } else if (!ID.matcher(id).matches()) {
            problem(valueLine(k.get("id")), id, "bad id '" + id + "': use [a-z0-9._-]+");
        }
        Language language = null;
        String lang = scalarValue(k.get("language"), id, "language");
        if (k.get("language") == null) {
            problem(line(map), id, "missing required key 'language'");
        } else if (lang != null) {
            language = Language.parse(lang);
            if (language == null) {
                problem(valueLine(k.get("language")), id, "bad language '" + lang + "': use rust, c or mixed");
            }
        }
        SourceSpec source = null;
        if (k.get("source") == null) {
            problem(line(map), id, "missing required key 'source'");
        } else {
            source = source(k.get("source").getValueNode(), id);
        }
        Popularity popularity = k.get("popularity") == null ? Popularity.none()
                : popularity(k.get("popularity").getValueNode(), id);
        String subdir = scalarValue(k.get("subdir"), id, "subdir");
        if (subdir != null && (subdir.startsWith("/") || List.of(subdir.split("/")).contains(".."))) {
            problem(valueLine(k.get("subdir")), id, "subdir must be a relative path inside the checkout");
        }
        BenchSpec bench = k.get("bench") == null ? null : bench(k.get("bench").getValueNode(), id);
        String notes = scalarValue(k.get("notes"), id, "notes");
        TranslateSpec translate = k.get("translate") == null ? null : translate(k.get("translate").getValueNode(), id);
        if (translate != null && language != Language.C) {
            problem(valueLine(k.get("translate")), id, "translate needs language: c (it translates C sources)");
        }
        if (problems.size() > errorsBefore || id == null) {
            return null;
        }
        return new ProjectSpec(id, language, source, popularity, subdir, bench, notes, line(map), translate);
    }

    private SourceSpec source(Node node, String id) {
        if (!(node instanceof MappingNode map)) {
            problem(line(node), id, "source must be a mapping: { crate: NAME, version: V } | { git: URL, rev: R } "
                    + "| { path: DIR }");
            return null;
        }
        Map<String, NodeTuple> k = keys(map, Set.of("crate", "version", "git", "rev", "path"), id);
        List<String> kinds = new ArrayList<>();
        for (String kind : List.of("crate", "git", "path")) {
            if (k.containsKey(kind)) {
                kinds.add(kind);
            }
        }
        if (kinds.size() != 1) {
            problem(line(map), id, "source needs exactly one of crate, git, path (found " + kinds + ")");
            return null;
        }
        String kind = kinds.get(0);
        String value = scalarValue(k.get(kind), id, kind);
        if (value == null || value.isBlank()) {
            problem(line(map), id, "source " + kind + " must not be empty");
            return null;
        }
        switch (kind) {
            case "crate" -> {
                String version = scalarValue(k.get("version"), id, "version");
                onlyWith(k, id, "crate", "rev");
                if (version == null || version.isBlank()) {
                    problem(line(map), id, "crate source needs an exact 'version'");
                    return null;
                }
                return crateAndVersion(k, id, "crate", value, version) ? new SourceSpec.Crate(value, version) : null;
            }
            case "git" -> {
                onlyWith(k, id, "git", "version");
                String badUrl = ManifestRules.gitUrl(value);
                if (badUrl != null) {
                    problem(valueLine(k.get("git")), id, badUrl);
                    return null;
                }
                return new SourceSpec.Git(value, scalarValue(k.get("rev"), id, "rev"));
            }
            default -> {
                onlyWith(k, id, "path", "version", "rev");
                Path p = baseDir == null ? Path.of(value) : baseDir.resolve(value).normalize();
                String refused = refusedPath(p);
                if (refused != null) {
                    problem(valueLine(k.get("path")), id, refused);
                    return null;
                }
                return new SourceSpec.Path(p.toString());
            }
        }
    }

    /**
     * Whether the {@code crate} and {@code version} values of mapping {@code k} pass {@link ManifestRules}; each
     * refusal is reported at its value's line ({@code what}: "crate" or "rust_port", for the version's message).
     */
    private boolean crateAndVersion(Map<String, NodeTuple> k, String id, String what, String crate, String version) {
        String badName = ManifestRules.crateName(crate);
        String badVersion = ManifestRules.crateVersion(version);
        if (badName != null) {
            problem(valueLine(k.get("crate")), id, badName);
        }
        if (badVersion != null) {
            problem(valueLine(k.get("version")), id, what + " " + badVersion);
        }
        return badName == null && badVersion == null;
    }

    private void onlyWith(Map<String, NodeTuple> k, String id, String kind, String... notAllowed) {
        for (String key : notAllowed) {
            if (k.containsKey(key)) {
                problem(line(k.get(key).getKeyNode()), id, "'" + key + "' does not go with a " + kind + " source");
            }
        }
    }

    private Popularity popularity(Node node, String id) {
        if (!(node instanceof MappingNode map)) {
            problem(line(node), id, "popularity must be a mapping { downloads, stars, as_of }");
            return Popularity.none();
        }
        Map<String, NodeTuple> k = keys(map, POPULARITY_KEYS, id);
        long downloads = count(k.get("downloads"), id, "downloads");
        long stars = count(k.get("stars"), id, "stars");
        String asOf = scalarValue(k.get("as_of"), id, "as_of");
        if ((k.containsKey("downloads") || k.containsKey("stars")) && asOf == null) {
            problem(line(map), id, "popularity figures need their 'as_of' date");
        } else if (asOf != null && !DATE.matcher(asOf).matches()) {
            problem(valueLine(k.get("as_of")), id, "as_of must be a date YYYY-MM-DD, got '" + asOf + "'");
        }
        return new Popularity(downloads, stars, asOf == null ? "" : asOf);
    }

    private BenchSpec bench(Node node, String id) {
        if (!(node instanceof MappingNode map)) {
            problem(line(node), id, "bench must be a mapping { command, rustflags } or { driver, args, rustflags }");
            return null;
        }
        Map<String, NodeTuple> k = keys(map, BENCH_KEYS, id);
        String command = scalarValue(k.get("command"), id, "command");
        String driver = scalarValue(k.get("driver"), id, "driver");
        String flags = scalarValue(k.get("rustflags"), id, "rustflags");
        if (command != null && driver != null) {
            problem(line(map), id, "bench has either a 'command' or a 'driver', not both");
            return null;
        }
        if (driver != null) {
            Path dir = driverDir(driver, valueLine(k.get("driver")), id);
            return dir == null ? null : BenchSpec.driver(dir.toString(), strings(k.get("args"), id, "args"), flags);
        }
        if (k.containsKey("args")) {
            problem(line(k.get("args").getKeyNode()), id, "'args' goes with a 'driver', not a 'command'");
        }
        if (command == null || command.isBlank()) {
            problem(line(map), id, "bench needs a 'command' or a 'driver'");
            return null;
        }
        return new BenchSpec(command, flags == null ? "" : flags);
    }

    /** A driver folder (relative to the manifest's folder) that holds a crate depending on the project. */
    private Path driverDir(String driver, int line, String id) {
        if (driver.isBlank() || driver.startsWith("/")) {
            problem(line, id, "driver must be a folder relative to the manifest, got '" + driver + "'");
            return null;
        }
        Path dir = (baseDir == null ? Path.of(driver) : baseDir.resolve(driver)).normalize();
        Path cargoToml = dir.resolve("Cargo.toml");
        if (!Files.isRegularFile(cargoToml) || !Files.isRegularFile(dir.resolve("src/main.rs"))) {
            problem(line, id, "driver " + driver + " needs Cargo.toml and src/main.rs (looked in " + dir + ")");
            return null;
        }
        try {
            if (!Files.readString(cargoToml).contains(BenchSpec.CRATE_PLACEHOLDER)) {
                problem(line, id, "driver " + driver + ": Cargo.toml must depend on the project with path = \""
                        + BenchSpec.CRATE_PLACEHOLDER + "\"");
                return null;
            }
        } catch (IOException e) {
            problem(line, id, "driver " + driver + ": cannot read Cargo.toml: " + e.getMessage());
            return null;
        }
        return dir;
    }

    private TranslateSpec translate(Node node, String id) {
        if (!(node instanceof MappingNode map)) {
            problem(line(node), id, "translate must be a mapping { sources, defines, harness, rust_port }");
            return null;
        }
        Map<String, NodeTuple> k = keys(map, TRANSLATE_KEYS, id);
        List<String> sources = strings(k.get("sources"), id, "sources", ManifestRules::cSource);
        if (sources.isEmpty() && (k.get("sources") == null || !(k.get("sources").getValueNode() instanceof SequenceNode seq)
                || seq.getValue().isEmpty())) {
            problem(line(map), id, "translate needs a non-empty list of C 'sources'");
        }
        List<String> defines = strings(k.get("defines"), id, "defines", ManifestRules::define);
        String harness = scalarValue(k.get("harness"), id, "harness");
        if (harness == null) {
            problem(line(map), id, "translate needs a 'harness' (one of " + TranslateSpec.HARNESSES + ")");
        } else if (!TranslateSpec.HARNESSES.contains(harness)) {
            problem(valueLine(k.get("harness")), id, "unknown harness '" + harness + "' (known: "
                    + TranslateSpec.HARNESSES + ")");
        }
        TranslateSpec.RustPort port = null;
        if (k.get("rust_port") != null) {
            Node p = k.get("rust_port").getValueNode();
            if (!(p instanceof MappingNode pm)) {
                problem(line(p), id, "rust_port must be a mapping { crate, version, features }");
            } else {
                Map<String, NodeTuple> pk = keys(pm, PORT_KEYS, id);
                String crate = scalarValue(pk.get("crate"), id, "crate");
                String version = scalarValue(pk.get("version"), id, "version");
                if (crate == null || version == null) {
                    problem(line(pm), id, "rust_port needs 'crate' and an exact 'version'");
                } else {
                    int before = problems.size();
                    crateAndVersion(pk, id, "rust_port", crate, version);
                    List<String> features = strings(pk.get("features"), id, "features", ManifestRules::feature);
                    port = problems.size() > before ? null : new TranslateSpec.RustPort(crate, version, features);
                }
            }
        }
        return new TranslateSpec(sources, defines, harness, port);
    }

    /** A list of plain values ([] when absent); anything else is reported. */
    private List<String> strings(NodeTuple t, String id, String key) {
        return strings(t, id, key, v -> null);
    }

    /** A list of plain values that {@code rule} accepts; a refused value is reported at its own line. */
    private List<String> strings(NodeTuple t, String id, String key,
                                 java.util.function.Function<String, String> rule) {
        if (t == null) {
            return List.of();
        }
        if (!(t.getValueNode() instanceof SequenceNode seq)) {
            problem(valueLine(t), id, "'" + key + "' must be a list");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Node n : seq.getValue()) {
            if (!(n instanceof ScalarNode s)) {
                problem(line(n), id, "'" + key + "' must hold plain values");
                continue;
            }
            String refused = rule.apply(s.getValue());
            if (refused != null) {
                problem(line(n), id, refused);
            } else {
                out.add(s.getValue());
            }
        }
        return out;
    }

    private long count(NodeTuple t, String id, String key) {
        String v = scalarValue(t, id, key);
        if (v == null) {
            return 0;
        }
        try {
            long n = Long.parseLong(v.replace("_", ""));
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(valueLine(t), id, key + " must be a whole number >= 0, got '" + v + "'");
        return 0;
    }

    /** The keys of a mapping; unknown ones are reported. */
    private Map<String, NodeTuple> keys(MappingNode map, Set<String> allowed, String id) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null || !allowed.contains(key)) {
                problem(line(t.getKeyNode()), id, "unknown key '" + key + "' (allowed: "
                        + allowed.stream().sorted().toList() + ")");
                continue;
            }
            if (out.containsKey(key)) {
                problem(line(t.getKeyNode()), id, "duplicate key '" + key + "'");
                continue;
            }
            out.put(key, t);
        }
        return out;
    }

    private String scalar(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)
                    && t.getValueNode() instanceof ScalarNode v) {
                return v.getValue();
            }
        }
        return null;
    }

    private String scalarValue(NodeTuple t, String id, String key) {
        if (t == null) {
            return null;
        }
        if (t.getValueNode() instanceof ScalarNode s) {
            return s.getValue();
        }
        problem(valueLine(t), id, "'" + key + "' must be a single value");
        return null;
    }

    private void problem(int line, String id, String message) {
        problems.add(new ManifestProblem(file, line, id, message));
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static int valueLine(NodeTuple t) {
        return line(t.getValueNode());
    }

    /** Aliases to collections a manifest may use: a few are fine, thousands are an expansion bomb. */
    static final int MAX_ALIASES = 50;

    /** Nesting of collections a manifest may use: a project needs 4, SnakeYAML's default is 50. */
    static final int MAX_DEPTH = 50;

    /** A manifest's size limit in characters: 100,000 projects fit, an endless document does not. */
    static final int MAX_CODE_POINTS = 64 << 20;

    /** Bytes read of a manifest file, the same 64 MiB: a longer file is refused without reading the rest. */
    static final int MAX_BYTES = 64 << 20;

    /** Directories a {@code path:} source must never be: the whole system, or a user's whole home. */
    private static final List<String> SYSTEM_DIRS = List.of("/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib",
            "/lib32", "/lib64", "/media", "/mnt", "/opt", "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp",
            "/usr", "/var");
    /** Pseudo file systems: nothing under them is a project (and {@code /proc/self/root} is {@code /}). */
    private static final List<String> PSEUDO_DIRS = List.of("/proc", "/sys", "/dev");

    /**
     * Why {@code path} cannot be a project's source, or null: it must be an existing directory that is not a
     * system directory or the home directory itself (checked on its real path, so a link to {@code /} is refused).
     */
    public static String refusedPath(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        if (!Files.exists(abs)) {
            return "path source does not exist: " + abs;
        }
        if (!Files.isDirectory(abs)) {
            return "path source is not a directory: " + abs;
        }
        Path real;
        try {
            real = abs.toRealPath();
        } catch (IOException e) {
            return "path source cannot be read: " + abs + " (" + e.getMessage() + ")";
        }
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        for (Path p : List.of(abs, real)) {
            if (SYSTEM_DIRS.contains(p.toString()) || p.equals(home)
                    || PSEUDO_DIRS.stream().anyMatch(d -> p.startsWith(d))) {
                return "path source " + abs + (p.equals(abs) ? "" : " (really " + p + ")")
                        + " is a system directory or a whole home: give the project's own directory";
            }
        }
        return null;
    }

    /**
     * The 1-based line of the alias that took {@code text} past {@link #MAX_ALIASES}, or of the collection that
     * took it past {@link #MAX_DEPTH}, else 1. The walk stops there, so a bomb costs no more than the limit.
     */
    static int limitLine(String text) {
        java.util.Set<String> collections = new java.util.HashSet<>();
        int aliases = 0;
        int depth = 0;
        try {
            for (org.yaml.snakeyaml.events.Event e : new Yaml().parse(new StringReader(text))) {
                if (e instanceof org.yaml.snakeyaml.events.CollectionStartEvent c) {
                    if (++depth > MAX_DEPTH) {
                        return e.getStartMark().getLine() + 1;
                    }
                    if (c.getAnchor() != null) {
                        collections.add(c.getAnchor());
                    }
                } else if (e instanceof org.yaml.snakeyaml.events.CollectionEndEvent) {
                    depth--;
                } else if (e instanceof org.yaml.snakeyaml.events.AliasEvent a
                        && collections.contains(a.getAnchor()) && ++aliases > MAX_ALIASES) {
                    return e.getStartMark().getLine() + 1;
                }
            }
        } catch (RuntimeException e) {
            // not a limit: no better place than the start
        }
        return 1;
    }
}
