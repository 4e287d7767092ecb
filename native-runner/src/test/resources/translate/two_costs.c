/*
 * two_costs.c: two functions of very different cost, for CallgrindFunctionsTest.
 * expect: heavy_loop costs about 1000 times light_loop's instructions; noinline keeps them apart.
 */
#include <stdio.h>

__attribute__((noinline)) static unsigned heavy_loop(unsigned n) {
    unsigned h = 1;
    for (unsigned i = 0; i < n * 1000; i++) {
        h = h * 31 + (i & 7);
    }
    return h;
}

__attribute__((noinline)) static unsigned light_loop(unsigned n) {
    unsigned h = 1;
    for (unsigned i = 0; i < n; i++) {
        h = h * 31 + (i & 7);
    }
    return h;
}

int main(void) {
    printf("%u\n", heavy_loop(200) ^ light_loop(200));
    return 0;
}
