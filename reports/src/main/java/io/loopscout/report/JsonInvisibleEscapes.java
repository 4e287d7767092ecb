package io.loopscout.report;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON output (run.json, findings.sarif) with bidirectional controls and line separators written as
 * {@code \\uXXXX}: the decoded text is exactly the corpus's, but the file's bytes hide no "Trojan Source" reordering
 * from a reader or a viewer that shows them raw. Control characters are escaped by JSON itself.
 */
final class JsonInvisibleEscapes extends CharacterEscapes {

    private static final int[] ASCII = standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
        return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return ch <= 0xFFFF && InvisibleControls.isInvisibleControl((char) ch)
                ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
}
