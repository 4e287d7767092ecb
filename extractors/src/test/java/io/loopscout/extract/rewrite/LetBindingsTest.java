package io.loopscout.extract.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The once-per-scope scan of {@code let} bindings answers as the per-name regex it replaced. */
class LetBindingsTest {

    private static final String SCOPE = """
            fn f() {
                let A = 1;
                let mut B = 2;
                let  \t
                    C = 3;
                let mut
                    D = 4;
                let (E, F) = (5, 6);
                let Gx = 7;
                _let H = 8;
                letI = 9;
                let mutJ = 10;
                let Ké = 11;
                let mut mut L = 12;
                x.let M = 13;
                // let N = 14;
                let O
            }
            """;

    /** The regex {@code Syntax.isConstant} used per name before. */
    private static boolean byRegex(String scope, String name) {
        return Pattern.compile("\\blet\\s+(mut\\s+)?" + Pattern.quote(name) + "\\b").matcher(scope).find();
    }

    @Test
    void answersAsThePerNameRegex() {
        Syntax.LetBindings lets = Syntax.LetBindings.of(SCOPE);
        for (String name : List.of("A", "B", "C", "D", "E", "F", "G", "Gx", "H", "I", "J", "K", "Ké", "L", "M", "N",
                "O", "P", "Z")) {
            assertEquals(byRegex(SCOPE, name), lets.binds(name), name);
        }
    }

    @Test
    void findsTheBindingsAFunctionMakes() {
        Syntax.LetBindings lets = Syntax.LetBindings.of(SCOPE);
        assertTrue(lets.binds("A"));
        assertTrue(lets.binds("B"));
        assertTrue(lets.binds("D"));
        assertTrue(lets.binds("N")); // a comment binds nothing, but the regex never knew: same answer kept
        assertFalse(lets.binds("G"));
        assertFalse(lets.binds("H"));
        assertFalse(lets.binds("I"));
    }

    @Test
    void anotherScopeIsScannedAnew() {
        assertTrue(Syntax.LetBindings.of("let X = 1;").binds("X"));
        assertFalse(Syntax.LetBindings.of("let Y = 1;").binds("X"));
    }
}
