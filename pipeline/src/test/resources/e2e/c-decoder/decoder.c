/* End-to-end fixture: one C state machine the pipeline must find (see PipelineEndToEndTest). */
enum mode { HEAD, BODY, DONE };

struct state {
    enum mode mode;
    int n;
};

int decode(struct state *s, const unsigned char *in, int len) {
    int i = 0;
    /* expect: c/switch-state-loop states=3 const=3 fallthroughs=1 exits=3 dynamic=0 */
    for (;;) {
        switch (s->mode) {
        case HEAD:
            if (i >= len) return -1;
            s->n = in[i++];
            s->mode = BODY;
            /* fall through */
        case BODY:
            while (s->n > 0 && i < len) {
                s->n--;
                i++;
            }
            if (s->n > 0) return -1;
            s->mode = DONE;
            break;
        case DONE:
            return i;
        }
    }
}

/* ok: a switch outside any loop, without fallthrough */
int classify(int c) {
    switch (c) {
    case 0: return 1;
    case 1: return 2;
    default: return 0;
    }
}
