package io.loopscout.manifest;

import java.io.Serializable;

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
        @Override
        public String kind() {
            return "git";
        }

        @Override
        public String display() {
            return "git:" + url + (rev == null ? "" : "@" + rev);
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
