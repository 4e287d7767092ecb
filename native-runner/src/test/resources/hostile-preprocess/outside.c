/* hostile: includes a file beside the project (the test plants ../secret.h). Only the project is visible in
 * the sandbox, so the preprocessor fails (preprocessor_failed) and the secret's text appears nowhere. */
#include "../secret.h"
int f(void) { return 0; }
