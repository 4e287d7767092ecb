package io.loopscout.report;

/**
 * One difference between the baseline run and this run: a new or gone project or finding, or one changed figure
 * of a project or finding that is in both.
 *
 * @param kind     new, gone or changed
 * @param subject  a project or a finding
 * @param project  the project id
 * @param finding  the finding's identity (empty for a project)
 * @param line     the finding's start line in this run, or in the baseline when it is gone (0 for a project)
 * @param field    the column that changed (empty for new and gone)
 * @param before   the baseline's cell (empty for new)
 * @param after    this run's cell (empty for gone)
 */
public record Change(Kind kind, Subject subject, String project, FindingKey finding, int line, String field,
                     String before, String after) {

    /** What happened to the subject. */
    public enum Kind {
        NEW("new"), GONE("gone"), CHANGED("changed");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The id written to changes.csv. */
        public String id() {
            return id;
        }
    }

    /** What changed. */
    public enum Subject {
        PROJECT("project"), FINDING("finding");

        private final String id;

        Subject(String id) {
            this.id = id;
        }

        /** The id written to changes.csv. */
        public String id() {
            return id;
        }
    }

    /**
     * A finding's identity across runs, which survives lines shifting: the project, file, function and pattern,
     * and its ordinal among the findings that share them (1 for the first by line).
     */
    public record FindingKey(String project, String file, String function, String pattern, int ordinal)
            implements Comparable<FindingKey> {

        /** No finding: the key of a project change. */
        public static final FindingKey NONE = new FindingKey("", "", "", "", 0);

        @Override
        public int compareTo(FindingKey o) {
            int c = project.compareTo(o.project);
            c = c != 0 ? c : file.compareTo(o.file);
            c = c != 0 ? c : function.compareTo(o.function);
            c = c != 0 ? c : pattern.compareTo(o.pattern);
            return c != 0 ? c : Integer.compare(ordinal, o.ordinal);
        }
    }
}
