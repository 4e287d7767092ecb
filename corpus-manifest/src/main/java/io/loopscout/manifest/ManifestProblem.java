package io.loopscout.manifest;

/** One problem of a manifest, with the place it is at. */
public record ManifestProblem(String file, int line, String projectId, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + (projectId == null ? "" : "[" + projectId + "] ") + message;
    }
}
