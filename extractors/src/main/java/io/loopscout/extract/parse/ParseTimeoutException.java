package io.loopscout.extract.parse;

/** Thrown when a parse exceeds its time limit. */
public class ParseTimeoutException extends RuntimeException {
    public ParseTimeoutException(String message) {
        super(message);
    }
}
