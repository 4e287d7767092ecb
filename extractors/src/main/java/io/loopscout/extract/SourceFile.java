package io.loopscout.extract;

import io.loopscout.core.Language;
import java.io.Serializable;

/**
 * One source file of one project, travelling as an element of the pipeline (no shared disk).
 *
 * @param project the project id from the manifest
 * @param version the resolved revision (commit SHA or crate version)
 * @param path    the path relative to the project root, with forward slashes
 * @param language {@link Language#RUST} or {@link Language#C}
 * @param text    the file's content (UTF-8 decoded)
 */
public record SourceFile(String project, String version, String path, Language language, String text)
        implements Serializable {
}
