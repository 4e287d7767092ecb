/* control: a state machine whose cases only the preprocessor can see (STEP_CASES is in include/steps.h,
 * STATE_END is defined on the command line); one finding, c/switch-state-loop, lines 8-13 of this file */
#include <stddef.h>
#include "steps.h"

int run(int state, const char *p) {
    /* expected finding on the next line: c/switch-state-loop, 3 states, 2 constant transitions */
    for (;;) {
        switch (state) {
        STEP_CASES
        case 2: return (int)(p != NULL);
        }
    }
}
