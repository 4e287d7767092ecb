/* A lexer written with gotos between labelled states (numbers, fractions, words, strings with escapes): c2rust
 * turns the goto graph (cycles entered from several places) into a current_block loop. Prints the token counts of each generated input. */
#include <stdio.h>

static unsigned rng = 7;
static unsigned next_random(void) { rng = rng * 1103515245u + 12345u; return (rng >> 16) & 0x7fff; }

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

static void lex(const unsigned char *s, int n, int counts[5]) {
    int i = 0;
start:
    if (i >= n) goto done;
    if (s[i] == ' ') { i++; goto start; }
    if (is_digit(s[i])) goto number;
    if (is_alpha(s[i])) goto word;
    if (s[i] == '"') { i++; goto string; }
    counts[4]++;
    i++;
    goto start;
number:
    i++;
    if (i < n && is_digit(s[i])) goto number;
    if (i < n && is_alpha(s[i])) { counts[0]++; goto word; } /* 12abc: a number, then a word */
    if (i < n && s[i] == '.') { i++; goto fraction; }
    counts[0]++;
    goto start;
fraction:
    if (i < n && is_digit(s[i])) { i++; goto fraction; }
    if (i < n && s[i] == '_') { counts[1]++; goto word; }
    counts[1]++;
    goto start;
word:
    i++;
    if (i < n && (is_alpha(s[i]) || s[i] == '_')) goto word;
    if (i < n && is_digit(s[i]) && s[i - 1] == 'X') { counts[2]++; goto number; } /* X1: a word, then a number */
    if (i < n && is_digit(s[i])) goto word;
    counts[2]++;
    goto start;
string:
    if (i >= n) { counts[3] += 100; goto done; }
    if (s[i] == '\\') { i += 2; goto string; }
    if (s[i] == '"') { i++; counts[3]++; goto start; }
    i++;
    goto string;
done:
    return;
}

int main(void) {
    static const char alphabet[] = " 0123456789..abcXYZ_\"\\+-";
    static unsigned char in[256];
    for (int t = 0; t < 500; t++) {
        int n = next_random() % 256;
        for (int j = 0; j < n; j++) in[j] = (unsigned char)alphabet[next_random() % (sizeof alphabet - 1)];
        int counts[5] = {0, 0, 0, 0, 0};
        lex(in, n, counts);
        printf("%d %d %d %d %d %d\n", t, counts[0], counts[1], counts[2], counts[3], counts[4]);
    }
    return 0;
}
