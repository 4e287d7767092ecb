package io.loopscout.extract.c;

import io.loopscout.extract.Pattern;
import io.loopscout.extract.c.FunctionFacts.Span;

/** One switch-based pattern family: whether a modelled switch is an instance, and which node the finding spans. */
interface SwitchPatternFinder {

    /** The pattern id this finder reports. */
    Pattern pattern();

    /** True when the switch is an instance of the pattern. */
    boolean matches(SwitchModel m);

    /** The statement the finding spans (the loop for loop patterns, the switch otherwise). */
    Span anchor(SwitchModel m);

    /** The switch finders in precedence order: the first that matches a switch wins (shared/patterns.md). */
    static SwitchPatternFinder[] inPrecedenceOrder() {
        return new SwitchPatternFinder[] {
            new CoroutineSwitchFinder(), new SwitchStateLoopFinder(), new DispatchLoopFinder(),
            new FallthroughChainFinder()};
    }
}
