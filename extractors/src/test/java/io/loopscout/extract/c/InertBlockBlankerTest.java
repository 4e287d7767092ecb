package io.loopscout.extract.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.extract.parse.ParsedSource;
import org.junit.jupiter.api.Test;

/** Blanking keeps lines and candidate bodies, drops the rest, and gives up on unbalanced braces. */
class InertBlockBlankerTest {

    private static final String TEXT = """
            #define OPEN {
            static const int table[] = { 1, 2,
                3 };
            static int plain(int x) {
                return x + 1; /* } goto */
            }
            int machine(int s) {
                for (;;) {
                    switch (s) { case 0: s = plain(s); break; default: return s; }
                }
            }
            """;

    @Test
    void blanksOnlyKeywordFreeTopLevelBlocksAndKeepsLines() {
        String out = InertBlockBlanker.blank(TEXT);
        assertEquals(TEXT.length(), out.length());
        assertEquals(TEXT.lines().count(), out.lines().count());
        assertFalse(out.contains("return x + 1"), "a body without switch or goto is blanked");
        assertFalse(out.contains("3 }"), "an initialiser without them too");
        assertTrue(out.contains("#define OPEN {"), "directives are not read as braces");
        assertTrue(out.contains("switch (s) { case 0: s = plain(s); break; default: return s; }"));
        ParsedSource parsed = ParsedSource.parse(ParsedSource.Grammar.C, out);
        assertEquals(0, parsed.errorCount(parsed.root()), "the blanked text still parses cleanly");
    }

    @Test
    void leavesUnbalancedTextAlone() {
        String unbalanced = "int f(void) {\n    return 0;\n}\n}\nint g(void) { return 1; }\n";
        assertEquals(unbalanced, InertBlockBlanker.blank(unbalanced));
        String open = "int f(void) {\n    return 0;\n";
        assertEquals(open, InertBlockBlanker.blank(open));
    }
}
