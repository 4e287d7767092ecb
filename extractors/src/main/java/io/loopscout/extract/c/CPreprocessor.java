package io.loopscout.extract.c;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Runs the C preprocessor ({@code cc -E}) on one file of a project. The input is untrusted text, and an
 * {@code #include} can name any file ({@code "/etc/passwd"}, {@code "/dev/zero"}), so implementations run it
 * where the host is out of reach: the native runner's sandbox ({@code SandboxedCPreprocessor}). This module only
 * parses what comes back; it never starts the preprocessor itself.
 */
@FunctionalInterface
public interface CPreprocessor {

    /** Preprocesses {@code request.file()}; every way it can end is a {@link Result}, never an exception. */
    Result preprocess(Request request);

    /**
     * One preprocessor run.
     *
     * @param projectDir  the project's root: the only corpus directory the preprocessor may read
     * @param file        the file to preprocess, inside {@code projectDir}
     * @param includeDirs {@code -I} directories, inside {@code projectDir}
     * @param defines     {@code -D} definitions ({@code NAME} or {@code NAME=value})
     */
    record Request(Path projectDir, Path file, List<Path> includeDirs, List<String> defines) {
        public Request {
            Objects.requireNonNull(projectDir, "projectDir");
            Objects.requireNonNull(file, "file");
            includeDirs = List.copyOf(includeDirs);
            defines = List.copyOf(defines);
        }
    }

    /** How a preprocessor run ended. */
    enum Status {
        /** The output is complete. */
        OK,
        /** The preprocessor exited with an error (a missing header, an unreadable include, ...). */
        FAILED,
        /** Killed at the time limit (an include of an endless file, a pathological macro). */
        TIMEOUT,
        /** Stopped at the output or memory cap. */
        TOO_LARGE,
        /** Refused before it ran (a file or include directory outside the project) or the sandbox failed. */
        REFUSED
    }

    /**
     * What came back.
     *
     * @param status how it ended
     * @param output the preprocessed text (empty unless {@link Status#OK})
     * @param detail one line saying why it failed (empty when OK): a diagnostic line, never the source lines
     */
    record Result(Status status, String output, String detail) {
        public Result {
            Objects.requireNonNull(status, "status");
            output = output == null ? "" : output;
            detail = detail == null ? "" : detail;
        }

        /** A complete output. */
        public static Result ok(String output) {
            return new Result(Status.OK, output, "");
        }

        /** A failure with {@code detail}. */
        public static Result failed(Status status, String detail) {
            return new Result(status, "", detail);
        }
    }
}
