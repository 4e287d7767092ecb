package io.loopscout.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A git URL with credentials in it is shown without them, everywhere display() is used (CSV, HTML, run.json). */
class SourceSpecTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://user:hunter2@example.com/x/y.git | git:https://***@example.com/x/y.git@main",
        "https://ghp_token@github.com/x/y | git:https://***@github.com/x/y@main",
        "ssh://git:pw@host:22/x | git:ssh://***@host:22/x@main",
        "https://example.com/a@b/c | git:https://example.com/a@b/c@main",
        "https://github.com/x/y | git:https://github.com/x/y@main",
        "file:///tmp/repo | git:file:///tmp/repo@main",
        "git@github.com:x/y.git | git:git@github.com:x/y.git@main",
    })
    void credentialsInAGitUrlAreNeverShown(String url, String shown) {
        assertEquals(shown, new SourceSpec.Git(url, "main").display());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cannot reach https://user:pw@h/x: https://user@h/x: not authorized | cannot reach https://***@h/x: https://***@h/x: not authorized",
        "revision 'main' not found in file:///tmp/r | revision 'main' not found in file:///tmp/r",
    })
    void credentialsInAMessageAreNeverShown(String message, String shown) {
        assertEquals(shown, SourceSpec.Git.redactUserInfo(message));
    }
}
