/*
 * tiny_lexer.c: a resumable tokenizer in the style of bzip2's BZ2_decompress: a switch on a saved state
 * whose case labels sit inside loops, so a call can stop when input runs out and resume where it stopped.
 * Fixture for C2RustTranslatorTest: the test compiles this file with cc, translates it with c2rust,
 * builds the translation with cargo, and expects both programs to print the same line.
 * expect: c2rust cannot structure the jumps into loops and emits a `current_block` state variable.
 */
#include <stdio.h>
#include <string.h>

enum { S_START, S_WORD, S_NUMBER, S_FRACTION };

struct lexer {
    int state;
    int words;
    int numbers;
    int fractions;
    int puncts;
};

static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Consumes s[0..n); returns how many bytes it used (always n: it saves its state instead of stopping). */
static int feed(struct lexer *lx, const char *s, int n) {
    int i = 0;
    switch (lx->state) {
    case S_START:
    start:
        lx->state = S_START;
        while (i < n) {
            char c = s[i++];
            if (is_alpha(c)) {
                lx->words++;
                goto word;
            }
            if (is_digit(c)) {
                lx->numbers++;
                goto number;
            }
            if (c != ' ') lx->puncts++;
        }
        return i;
    case S_WORD:
    word:
        lx->state = S_WORD;
        while (i < n) {
            if (!is_alpha(s[i]) && !is_digit(s[i])) goto start;
            i++;
        }
        return i;
    case S_NUMBER:
    number:
        lx->state = S_NUMBER;
        while (i < n) {
            if (s[i] == '.') {
                i++;
                lx->fractions++;
                goto fraction;
            }
            if (!is_digit(s[i])) goto start;
            i++;
        }
        return i;
    case S_FRACTION:
    fraction:
        lx->state = S_FRACTION;
        while (i < n) {
            if (!is_digit(s[i])) goto start;
            i++;
        }
        return i;
    }
    return i;
}

int main(void) {
    const char *text = "let x1 = 42.5 + y; call(7, 8) // done 3.25.";
    int len = (int)strlen(text);
    unsigned long total = 0;
    struct lexer lx = {0};
    for (int round = 0; round < 1000; round++) {
        memset(&lx, 0, sizeof lx);
        /* Feed in chunks of 1..7 bytes, so the state machine resumes mid-token. */
        for (int at = 0, chunk = 1 + round % 7; at < len; at += chunk) {
            feed(&lx, text + at, at + chunk <= len ? chunk : len - at);
        }
        total += (unsigned long)(lx.words * 1000000 + lx.numbers * 10000 + lx.fractions * 100 + lx.puncts);
    }
    printf("words=%d numbers=%d fractions=%d puncts=%d total=%lu\n", lx.words, lx.numbers, lx.fractions, lx.puncts,
           total);
    return 0;
}
