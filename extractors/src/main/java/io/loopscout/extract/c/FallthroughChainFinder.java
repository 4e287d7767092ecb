package io.loopscout.extract.c;

import io.loopscout.extract.Pattern;
import io.loopscout.extract.c.FunctionFacts.Span;

/**
 * {@code c/fallthrough-chain}: a switch where a non-empty case runs into the next one. Last in precedence: a
 * switch already reported as a loop pattern carries its fallthroughs as a metric instead.
 */
final class FallthroughChainFinder implements SwitchPatternFinder {

    @Override
    public Pattern pattern() {
        return Pattern.C_FALLTHROUGH_CHAIN;
    }

    @Override
    public boolean matches(SwitchModel m) {
        return m.fallthroughs > 0;
    }

    @Override
    public Span anchor(SwitchModel m) {
        return m.sw;
    }
}
