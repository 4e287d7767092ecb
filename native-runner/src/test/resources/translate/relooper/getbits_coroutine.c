/* A resumable bit reader in bzip2's style: GET_BITS puts a case label inside the state switch (some inside a
 * for loop) and returns to the caller when the input runs dry; the caller feeds the input in small chunks.
 * c2rust gives the resume chain (a match on the saved state, then current_block blocks) and the state loop. */
#include <stdio.h>

enum { S_START, S_MAGIC, S_LEN, S_ITEM, S_ESC, S_END, S_DONE };

typedef struct {
    int state;
    const unsigned char *next;
    unsigned avail;
    unsigned bsBuff;
    int bsLive;
    int save_i, save_n;
    unsigned save_sum;
} DState;

#define GET_BITS(lll, vvv, nnn)                                              \
    case lll: s->state = lll;                                                \
    while (1) {                                                              \
        if (s->bsLive >= nnn) {                                              \
            unsigned v = (s->bsBuff >> (s->bsLive - nnn)) & ((1u << nnn) - 1); \
            s->bsLive -= nnn;                                                \
            vvv = v;                                                         \
            break;                                                           \
        }                                                                    \
        if (s->avail == 0) { retVal = 0; goto save_state_and_return; }       \
        s->bsBuff = (s->bsBuff << 8) | (unsigned)(*s->next);                 \
        s->bsLive += 8;                                                      \
        s->next++;                                                           \
        s->avail--;                                                          \
    }

static int decompress(DState *s) {
    int retVal;
    unsigned uc;
    int i = s->save_i, n = s->save_n;
    unsigned sum = s->save_sum;
    if (s->state == S_START) { i = 0; n = 0; sum = 0; s->state = S_MAGIC; }
    switch (s->state) {
        GET_BITS(S_MAGIC, uc, 8);
        if (uc != 'B') { retVal = -1; goto save_state_and_return; }
        GET_BITS(S_LEN, n, 6);
        for (i = 0; i < n; i++) {
            GET_BITS(S_ITEM, uc, 5);
            if (uc == 31) {
                GET_BITS(S_ESC, uc, 3);
                sum += uc * 7;
            } else {
                sum = sum * 3 + uc;
            }
        }
        GET_BITS(S_END, uc, 4);
        sum ^= uc;
        s->state = S_DONE;
        retVal = 1;
        goto save_state_and_return;
        default:
            retVal = -2;
            goto save_state_and_return;
    }
save_state_and_return:
    s->save_i = i;
    s->save_n = n;
    s->save_sum = sum;
    return retVal;
}

static unsigned rng = 11;
static unsigned next_random(void) { rng = rng * 1103515245u + 12345u; return (rng >> 16) & 0x7fff; }

int main(void) {
    static unsigned char in[128];
    for (int t = 0; t < 500; t++) {
        int n = 1 + next_random() % 127;
        for (int j = 0; j < n; j++) in[j] = (unsigned char)next_random();
        if (next_random() % 8 != 0) in[0] = 'B';
        DState s = {S_START, in, 0, 0, 0, 0, 0, 0};
        int fed = 0, r = 0, calls = 0;
        while (r == 0 && fed < n) {
            unsigned chunk = 1 + next_random() % 5;
            if (chunk > (unsigned)(n - fed)) chunk = (unsigned)(n - fed);
            s.next = in + fed;
            s.avail = chunk;
            fed += (int)chunk;
            r = decompress(&s);
            calls++;
            fed -= (int)s.avail; /* unread bytes are fed again */
            if (s.avail == chunk && r == 0) fed += (int)chunk;
        }
        printf("%d %d %u %d %d\n", t, r, s.save_sum, s.save_i, calls);
    }
    return 0;
}
