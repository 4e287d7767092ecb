package io.loopscout.runner.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CallgrindCountsTest {

    @Test
    void parsesTheSummaryLines() {
        String log = """
                ==23222== For interactive control, run 'callgrind_control -h'.
                checksum=321280028d64a882 items=153410
                ==23222==
                ==23222== Events    : Ir Bc Bcm Bi Bim
                ==23222== Collected : 17675293 2362588 583779 939 340
                ==23222==
                ==23222== I   refs:      17,675,293
                """;
        assertEquals(new CallgrindCounts(17675293, 2362588 + 939, 583779 + 340), CallgrindCounts.parse(log));
    }

    @Test
    void noSummaryIsNull() {
        assertNull(CallgrindCounts.parse("valgrind: command not found"));
        assertNull(CallgrindCounts.parse("==1== Events    : Ir Bc\n==1== Collected : 12\n"));
    }
}
