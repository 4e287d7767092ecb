package io.loopscout.extract.c;

import io.loopscout.extract.Pattern;
import io.loopscout.extract.c.FunctionFacts.Span;

/**
 * {@code c/coroutine-switch}: case labels standing inside nested statements (Duff's device, protothreads,
 * bzip2's GET_BITS once expanded). Checked first: such a switch cannot become a plain state loop.
 */
final class CoroutineSwitchFinder implements SwitchPatternFinder {

    @Override
    public Pattern pattern() {
        return Pattern.C_COROUTINE_SWITCH;
    }

    @Override
    public boolean matches(SwitchModel m) {
        return m.nestedCases > 0;
    }

    @Override
    public Span anchor(SwitchModel m) {
        return m.sw;
    }
}
