package io.loopscout.extract.c;

import io.loopscout.extract.Pattern;
import io.loopscout.extract.c.FunctionFacts.Span;

/**
 * {@code c/coroutine-switch}: case labels standing inside nested statements (Duff's device, protothreads,
 * bzip2's GET_BITS once expanded). Checked first: such a switch cannot become a plain state loop. In a loop,
 * labels that only share a block ({@code case A: { ... case B: ... }}) leave the loop its own pattern.
 */
final class CoroutineSwitchFinder implements SwitchPatternFinder {

    @Override
    public Pattern pattern() {
        return Pattern.C_COROUTINE_SWITCH;
    }

    @Override
    public boolean matches(SwitchModel m) {
        return m.coroutine();
    }

    @Override
    public Span anchor(SwitchModel m) {
        return m.sw;
    }
}
