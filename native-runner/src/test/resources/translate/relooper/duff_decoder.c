/* A run-length decoder that writes each run with Duff's device (case labels inside a do-while): c2rust turns
 * the jump into the loop body into a current_block chain. Prints one digest per generated input. */
#include <stdio.h>

static unsigned rng = 1;
static unsigned next_random(void) { rng = rng * 1103515245u + 12345u; return (rng >> 16) & 0x7fff; }

static unsigned long decode(const unsigned char *in, int n, unsigned char *out) {
    int o = 0;
    for (int i = 0; i + 1 < n; i += 2) {
        int count = in[i] % 23;
        unsigned char b = in[i + 1];
        if (count == 0) continue;
        int k = (count + 7) / 8;
        switch (count % 8) {
        case 0: do { out[o++] = b;
        case 7:      out[o++] = b ^ 1;
        case 6:      out[o++] = b;
        case 5:      out[o++] = b + 2;
        case 4:      out[o++] = b;
        case 3:      out[o++] = b ^ 3;
        case 2:      out[o++] = b;
        case 1:      out[o++] = b - 1;
                } while (--k > 0);
        }
        if (out[o - 1] == 0x7f) {
            o -= 1; /* a marker run: drop its last byte */
        }
    }
    unsigned long h = 5381;
    for (int j = 0; j < o; j++) h = h * 33 + out[j];
    return h ^ (unsigned long)o;
}

int main(void) {
    static unsigned char in[512], out[512 * 32];
    for (int t = 0; t < 400; t++) {
        int n = next_random() % 512;
        for (int j = 0; j < n; j++) in[j] = (unsigned char)next_random();
        printf("%d %lu\n", t, decode(in, n, out));
    }
    return 0;
}
