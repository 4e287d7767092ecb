package io.loopscout.core;

/** Why a project, file or build failed; crater-style classes that land in failures.csv. */
public enum FailureClass {
    CLONE_FAIL("clone-fail"),
    FETCH_FAIL("fetch-fail"),
    TRANSLATE_FAIL("translate-fail"),
    PARSE_FAIL("parse-fail"),
    EXTRACT_FAIL("extract-fail"),
    REWRITE_FAIL("rewrite-fail"),
    BUILD_FAIL("build-fail"),
    BENCH_FAIL("bench-fail"),
    TIMEOUT("timeout"),
    OOM("oom"),
    NETWORK_BLOCKED("network-blocked"),
    SANDBOX_ERROR("sandbox-error"),
    /** A project over the input caps (files, bytes): read up to the cap, or refused whole. */
    INPUT_CAPPED("input-capped"),
    INTERNAL("internal");

    private final String id;

    FailureClass(String id) {
        this.id = id;
    }

    /** The id written to failures.csv. */
    public String id() {
        return id;
    }
}
