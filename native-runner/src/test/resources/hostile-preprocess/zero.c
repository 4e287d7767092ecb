/* hostile: an endless include. The preprocessor reads /dev/zero until the sandbox's memory limit stops it
 * (preprocessor_failed, "too-large"): no hang, no host memory lost. */
#include "/dev/zero"
int f(void) { return 0; }
