package io.loopscout.runner.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A log that keeps its first and last halves of a byte cap, so both the start and the final error survive. */
final class CappedLog {
    private final int headCap;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final byte[] tail;
    private long tailWritten;
    private long total;

    CappedLog(int cap) {
        this.headCap = cap - cap / 2;
        this.tail = new byte[cap / 2];
    }

    synchronized void write(byte[] buf, int off, int len) {
        total += len;
        for (int i = off; i < off + len; i++) {
            if (head.size() < headCap) {
                head.write(buf[i]);
            } else if (tail.length > 0) {
                tail[(int) (tailWritten++ % tail.length)] = buf[i];
            }
        }
    }

    synchronized boolean truncated() {
        return total > headCap + tail.length;
    }

    synchronized String text() {
        StringBuilder sb = new StringBuilder(head.toString(StandardCharsets.UTF_8));
        if (tailWritten > 0) {
            int n = (int) Math.min(tailWritten, tail.length);
            byte[] t = new byte[n];
            int start = (int) ((tailWritten - n) % tail.length);
            for (int i = 0; i < n; i++) {
                t[i] = tail[(start + i) % tail.length];
            }
            if (truncated()) {
                sb.append("\n[loopscout: ").append(total - headCap - n).append(" bytes of output dropped]\n");
            }
            sb.append(new String(t, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
