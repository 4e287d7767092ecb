package io.loopscout.report;

import io.loopscout.report.Change.FindingKey;
import io.loopscout.report.Change.Kind;
import io.loopscout.report.Change.Subject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed since a baseline run (design.md, changes.csv): new, gone and changed projects and findings. A
 * finding is matched by its {@link FindingKey}, so a finding whose lines moved is the same finding; its figures
 * are compared column by column, except the identity and location columns. A column only one of the runs has
 * (a newer loopscout appended it) is not compared.
 *
 * @param baseline where the baseline was read from, or null when there was none (a first run)
 * @param changes  the differences, in {@link #ORDER}
 */
public record Changes(Path baseline, List<Change> changes) {

    /** changes.csv in the output folder. */
    public static final String FILE = "changes.csv";

    /** Project columns that identify rather than describe. */
    static final Set<String> PROJECT_IDENTITY = Set.of("project");
    /** Finding columns that identify or locate (a moved finding is not a changed one; the version is the project's). */
    static final Set<String> FINDING_IDENTITY = Set.of("project", "version", "file", "function", "pattern",
            "start_line", "end_line", "permalink");

    /** Projects first, then findings, each by identity, then the column. */
    static final Comparator<Change> ORDER = Comparator.comparing(Change::project)
            .thenComparing(Change::subject)
            .thenComparing(Change::finding)
            .thenComparing(Change::field)
            .thenComparing(Change::kind);

    public Changes {
        changes = changes.stream().sorted(ORDER).toList();
    }

    /** No baseline: nothing to compare with. */
    public static Changes none() {
        return new Changes(null, List.of());
    }

    /** The changes from {@code before} (read from {@code baseline}) to {@code after}. */
    public static Changes between(Path baseline, OutputSnapshot before, OutputSnapshot after) {
        List<Change> out = new ArrayList<>();
        for (String id : union(before.projects().keySet(), after.projects().keySet())) {
            compare(out, Subject.PROJECT, id, FindingKey.NONE, before.projects().get(id), after.projects().get(id),
                    PROJECT_IDENTITY);
        }
        for (FindingKey key : union(before.findings().keySet(), after.findings().keySet())) {
            compare(out, Subject.FINDING, key.project(), key, before.findings().get(key),
                    after.findings().get(key), FINDING_IDENTITY);
        }
        return new Changes(baseline, out);
    }

    /**
     * The changes from the outputs in {@code baselineDir} to {@code results}; {@link #none()} when that folder
     * holds no output set yet.
     */
    public static Changes since(Path baselineDir, List<ProjectResult> results) {
        return OutputSnapshot.read(baselineDir)
                .map(before -> between(baselineDir, before, OutputSnapshot.of(results)))
                .orElse(none());
    }

    /** How many changes of {@code kind} about {@code subject}. */
    public long count(Kind kind, Subject subject) {
        return changes.stream().filter(c -> c.kind() == kind && c.subject() == subject).count();
    }

    private static void compare(List<Change> out, Subject subject, String project, FindingKey key,
                                Map<String, String> before, Map<String, String> after, Set<String> identity) {
        if (before == null) {
            out.add(new Change(Kind.NEW, subject, project, key, line(after), "", "", ""));
        } else if (after == null) {
            out.add(new Change(Kind.GONE, subject, project, key, line(before), "", "", ""));
        } else {
            for (Map.Entry<String, String> cell : after.entrySet()) {
                String column = cell.getKey();
                String old = before.get(column);
                if (!identity.contains(column) && old != null && !old.equals(cell.getValue())) {
                    out.add(new Change(Kind.CHANGED, subject, project, key, line(after), column, old,
                            cell.getValue()));
                }
            }
        }
    }

    private static int line(Map<String, String> row) {
        try {
            return Integer.parseInt(row.getOrDefault("start_line", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static <T extends Comparable<? super T>> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
