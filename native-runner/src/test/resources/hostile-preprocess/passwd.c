/* hostile: pulls the host's /etc/passwd into the preprocessed text. The sandbox shows the system files
 * (as to every build), so this preprocesses; but no line of /etc/passwd may appear in any finding or message:
 * findings come only from this file's own lines, snippets from this file's text. The state machine below
 * must still be found (c/switch-state-loop on the `for` line). */
static const char *leak =
#include "/etc/passwd"
;

int step(int state) {
    for (;;) {
        switch (state) {
        case 0: state = 1; break;
        case 1: state = 2; break;
        case 2: return 0;
        }
    }
}
