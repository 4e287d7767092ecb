/* header of control.c: the cases of its state machine */
#define GO(s) state = (s); break
#define STEP_CASES case 0: GO(1); case 1: GO(STATE_END);
