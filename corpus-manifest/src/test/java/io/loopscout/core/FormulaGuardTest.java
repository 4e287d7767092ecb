package io.loopscout.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV formula guard: every way a spreadsheet starts a formula is guarded, and unguard is its exact inverse. */
class FormulaGuardTest {

    @Test
    void guardsFormulaStartsAlsoAfterLeadingWhitespace() {
        for (String hostile : List.of("=cmd|' /C calc'!A0", "+1", "-2+3", "@SUM(A1)", "\t=x", "\r=x", " =cmd",
                "  +1", "\n=HYPERLINK(\"http://evil\")", "\u00a0@x", "\u3000=x", " \t -1", "'=x", "''+x")) {
            assertEquals("'" + hostile, FormulaGuard.guard(hostile), hostile);
            assertEquals(hostile, FormulaGuard.unguard(FormulaGuard.guard(hostile)), hostile);
        }
        for (String plain : List.of("zlib-rs", "a=b", " plain", "'quoted'", "'", "1.5", "x-1", "", " ")) {
            assertEquals(plain, FormulaGuard.guard(plain), plain);
            assertEquals(plain, FormulaGuard.unguard(FormulaGuard.guard(plain)), plain);
        }
        assertEquals("", FormulaGuard.guard(null));
    }
}
