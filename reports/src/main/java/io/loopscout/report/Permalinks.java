package io.loopscout.report;

import io.loopscout.extract.Finding;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.manifest.SourceSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A web link to the lines of a finding, built from the project's source: docs.rs for crates, the blob view for
 * git repositories on GitHub and GitLab; empty for local paths and other hosts (no stable public address).
 */
public final class Permalinks {

    private Permalinks() {
    }

    /**
     * The permalink of {@code finding} in the project {@code spec} at the resolved {@code version}, or empty.
     * A git link needs a revision: the resolved SHA, else the manifest's rev.
     */
    public static String of(ProjectSpec spec, String version, Finding finding) {
        String base = base(spec, version);
        if (base.isEmpty()) {
            return "";
        }
        int start = finding.startLine();
        int end = Math.max(finding.endLine(), start);
        // GitLab writes a line range as #L3-7, GitHub and docs.rs as #L3-L7
        String range = base.contains("/-/blob/") ? "#L" + start + "-" + end : "#L" + start + "-L" + end;
        return base + path(finding.file() == null ? "" : finding.file()) + range;
    }

    /**
     * The web folder that a project's relative file paths resolve against, ending in {@code /} (the project's
     * subdir included), or empty when the source has no stable public address.
     */
    public static String base(ProjectSpec spec, String version) {
        String subdir = path(spec.subdir() == null ? "" : spec.subdir());
        String root = webRoot(spec, version);
        return root.isEmpty() || subdir.isEmpty() ? root : root + subdir + "/";
    }

    /** The web address of the project's repository (or crate source) root at {@code version}, or empty. */
    private static String webRoot(ProjectSpec spec, String version) {
        SourceSpec source = spec.source();
        String sub = "";
        if (source instanceof SourceSpec.Crate crate) {
            String v = notBlank(version) ? version : crate.version();
            return notBlank(v) && notBlank(crate.name())
                    ? "https://docs.rs/crate/" + segment(crate.name()) + "/" + segment(v) + "/source/" + sub : "";
        }
        if (source instanceof SourceSpec.Git git) {
            String rev = notBlank(version) ? version : git.rev();
            String web = webBase(git.url());
            if (!notBlank(rev) || web == null) {
                return "";
            }
            String host = URI.create(web).getHost().toLowerCase(Locale.ROOT);
            if (host.equals("github.com")) {
                return web + "/blob/" + segment(rev) + "/" + sub;
            }
            if (host.equals("gitlab.com") || host.startsWith("gitlab.")) {
                return web + "/-/blob/" + segment(rev) + "/" + sub;
            }
        }
        return "";
    }

    /**
     * The root that a project's repository-relative paths (its subdir included) resolve against, ending in
     * {@code /}: the repository at the resolved revision on GitHub or GitLab, the crate's source on docs.rs, the
     * local folder's {@code file:} URI for a path source; empty when there is none.
     */
    public static String root(ProjectSpec spec, String version) {
        if (spec.source() instanceof SourceSpec.Path p) {
            String abs = path(p.path());
            return p.path().startsWith("/") && !abs.isEmpty() ? "file:///" + abs + "/" : "";
        }
        return webRoot(spec, version);
    }

    /** {@code https://host/owner/repo} for an https git URL (trailing {@code .git} and slashes dropped), else null. */
    private static String webBase(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        if (u.endsWith(".git")) {
            u = u.substring(0, u.length() - 4);
        }
        try {
            URI uri = URI.create(u);
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getUserInfo() != null) {
                return null;
            }
            return "https://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getRawPath();
        } catch (IllegalArgumentException e) {
            return null; // not a URL we can link to
        }
    }

    /** Percent-encodes every segment of a relative path, keeping the slashes (backslashes count as slashes). */
    static String path(String relative) {
        StringBuilder sb = new StringBuilder();
        for (String part : relative.replace('\\', '/').split("/", -1)) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append('/');
            }
            sb.append(segment(part));
        }
        return sb.toString();
    }

    /** Percent-encodes one path segment (RFC 3986: unreserved characters stay, the rest is UTF-8 %XX). */
    static String segment(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
