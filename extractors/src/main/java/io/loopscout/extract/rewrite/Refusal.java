package io.loopscout.extract.rewrite;

/** Thrown by a planning step to leave the loop alone, with the typed reason and a sentence on it. */
final class Refusal extends RuntimeException {

    final RefusalReason reason;

    Refusal(RefusalReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }
}
