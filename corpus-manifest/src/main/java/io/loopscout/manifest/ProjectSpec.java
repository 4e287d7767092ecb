package io.loopscout.manifest;

import io.loopscout.core.Language;
import java.io.Serializable;

/**
 * One project of a manifest.
 *
 * @param id         unique id, {@code [a-z0-9._-]+}
 * @param language   rust, c or mixed
 * @param source     where its source comes from
 * @param popularity downloads and stars with their as-of date
 * @param subdir     the crate/project inside the checkout, or null
 * @param bench      the project's own benchmark, or null
 * @param notes      free text, or null
 * @param line       the manifest line the entry starts on (for messages)
 * @param translate  the c2rust experiment for a C project, or null
 */
public record ProjectSpec(String id, Language language, SourceSpec source, Popularity popularity, String subdir,
                          BenchSpec bench, String notes, int line, TranslateSpec translate) implements Serializable {

    /** A project without a c2rust experiment. */
    public ProjectSpec(String id, Language language, SourceSpec source, Popularity popularity, String subdir,
                       BenchSpec bench, String notes, int line) {
        this(id, language, source, popularity, subdir, bench, notes, line, null);
    }
}
