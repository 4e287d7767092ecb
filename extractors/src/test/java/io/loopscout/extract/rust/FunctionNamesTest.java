package io.loopscout.extract.rust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The text scan for {@code fn NAME} and {@code NAME(} that the step-machine search starts from. */
class FunctionNamesTest {

    @Test
    void definitionsNeedFnAsAWordThenSpaceThenAnIdentifier() {
        String text = "pub fn step(&mut self) {}\nfn\n  next_2<T>() {}\nlet f = dfn x; fn(u8); fn 9a; ffn y; fn _z";
        List<String> names = FunctionNames.definitions(text).stream().map(FunctionNames.Definition::name).toList();
        assertEquals(List.of("step", "next_2", "_z"), names);
        FunctionNames.Definition first = FunctionNames.definitions(text).get(0);
        assertEquals(4, first.fnAt());
        assertEquals(7, first.nameStart());
        assertEquals(11, first.nameEnd());
    }

    @Test
    void callSitesOfTheGivenNamesOnly() {
        String text = "fn step() {}\n"             // 0: a definition, no call
                + "self.step(x);\n"                // 13: s at 18
                + "Self::step (y);\n"              // 27: s at 33
                + "step::<u8, Vec<u8>>(z);\n"      // 43: s at 43
                + "substep(1); $step(2); step_x(3); other(4);\n"
                + "if step\n(5) {}";               // the last: s at 113
        Map<String, List<Integer>> sites = FunctionNames.callSites(text, Set.of("step", "substep"));
        assertEquals(List.of(18, 33, 43, 113), sites.get("step"));
        assertEquals(List.of(67), sites.get("substep"));
        assertEquals(Set.of("step", "substep"), sites.keySet());
    }

    @Test
    void aTurbofishStopsAtBracesAndParentheses() {
        // `a::<(u8)>(` has a parenthesis inside: not a turbofish call of `a`; `b::<T>(` is
        String text = "a::<(u8)>(1); x = {b::<T>(2)};";
        assertEquals(Map.of("b", List.of(19)), FunctionNames.callSites(text, Set.of("a", "b")));
    }
}
