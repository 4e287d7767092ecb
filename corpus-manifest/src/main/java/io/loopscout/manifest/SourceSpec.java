package io.loopscout.manifest;

import java.io.Serializable;
import java.util.regex.Pattern;

/** Where a project's source comes from: a crate on crates.io, a git repository, or a local path. */
public sealed interface SourceSpec extends Serializable
        permits SourceSpec.Crate, SourceSpec.Git, SourceSpec.Path {

    /** The source kind as written in manifests and reports: {@code crate}, {@code git}, {@code path}. */
    String kind();

    /** A short human form, e.g. {@code crate:zlib-rs@0.5.2}. */
    String display();

    /** A published crate at an exact version. */
    record Crate(String name, String version) implements SourceSpec {
        @Override
        public String kind() {
            return "crate";
        }

        @Override
        public String display() {
            return "crate:" + name + "@" + version;
        }
    }

    /** A git repository pinned to a commit SHA, tag or branch ({@code rev} null means the default branch). */
    record Git(String url, String rev) implements SourceSpec {
        /** The user info of a URL's authority: {@code scheme://}, then anything but a slash, space or @, then @. */
        private static final Pattern USER_INFO = Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#\\s@]+@");

        @Override
        public String kind() {
            return "git";
        }

        @Override
        public String display() {
            return "git:" + shownUrl() + (rev == null ? "" : "@" + rev);
        }

        /**
         * The URL as outputs and messages show it: credentials written into it ({@code https://user:token@host},
         * {@code ssh://user:pw@host}) become {@code ***}, so a token never reaches a report, a CSV or a log.
         */
        public String shownUrl() {
            return redactUserInfo(url);
        }

        /** {@code text} with the user info of every URL in it ({@code scheme://USERINFO@host}) replaced by ***. */
        public static String redactUserInfo(String text) {
            return text == null ? null : USER_INFO.matcher(text).replaceAll("$1***@");
        }
    }

    /** A local directory, used in place (resolved against the manifest's folder). */
    record Path(String path) implements SourceSpec {
        @Override
        public String kind() {
            return "path";
        }

        @Override
        public String display() {
            return "path:" + path;
        }
    }
}
