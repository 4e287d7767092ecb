package io.loopscout.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Sha256Test {

    /** FIPS 180-2, appendix B.1: the digest of "abc". */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void hexIsTheStandardDigestOfTheUtf8Text() {
        assertEquals(ABC, Sha256.hex("abc"));
    }

    @Test
    void shortIdIsThePrefixOfTheWholeDigest() {
        assertEquals(ABC.substring(0, 12), Sha256.hex("abc", 6));
    }

    @Test
    void textIsHashedAsUtf8() {
        // "é" is two bytes in UTF-8 (c3 a9): its digest must be that of those bytes, not of one Latin-1 byte
        assertEquals(java.util.HexFormat.of().formatHex(Sha256.digest().digest(new byte[] {(byte) 0xc3, (byte) 0xa9})),
                Sha256.hex("é"));
    }
}
