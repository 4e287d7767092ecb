#!/bin/sh
# Pools the decisions of one or more `bench.sh calibrate` logs (e.g. docs/calibration/*.log, runs stopped early or
# made in several sessions) and prints, per kind of decision, the verdict counts, ratios, decision times and load.
# A log counts only if every decision in it used the same protocol (the "protocol:" line must be the same in all).
#   native-runner/calibration-tally.sh docs/calibration/quiet-*.log
set -e
[ $# -gt 0 ] || { echo "usage: calibration-tally.sh LOG..." >&2; exit 2; }
protocols=$(grep -h '^protocol:' "$@" | sort -u | wc -l)
if [ "$protocols" -gt 1 ]; then
    echo "calibration-tally: the logs used different protocols; pool only like with like:" >&2
    grep -H '^protocol:' "$@" >&2
    exit 1
fi
grep -h '^protocol:' "$@" | head -1
awk '
/ rep +[0-9]+: / {
    kind = $0; sub(/ rep +[0-9]+: .*/, "", kind)
    v = $0; sub(/.*-> /, "", v); sub(/ .*/, "", v)
    r = $0; sub(/.*time ratio /, "", r); sub(/ .*/, "", r); r += 0
    s = $0; sub(/ s (converged|time-budget|max-rounds|run-failed).*/, "", s); sub(/.* /, "", s); s += 0
    l = $0; sub(/.*load=/, "", l); sub(/ .*/, "", l); l += 0
    n[kind]++; c[kind, v]++; secs[kind] += s; if (s > smax[kind]) smax[kind] = s
    if (!(kind in rmin) || r < rmin[kind]) rmin[kind] = r; if (r > rmax[kind]) rmax[kind] = r
    if (!(kind in lmin) || l < lmin[kind]) lmin[kind] = l; if (l > lmax[kind]) lmax[kind] = l
    if (v == "unstable") { why = $0; sub(/.*unstable ?/, "", why); reasons[kind] = reasons[kind] why " " }
}
END {
    for (k in n) {
        printf "%s: %d decisions; within-noise %d (%.1f%%), improved %d, regressed %d (%.1f%%), unstable %d %s; ratio %s to %s; decision %.0f s mean, %.0f s max; load %s to %s\n",
            k, n[k], c[k, "within-noise"], 100 * c[k, "within-noise"] / n[k], c[k, "improved"], c[k, "regressed"],
            100 * c[k, "regressed"] / n[k], c[k, "unstable"], reasons[k], rmin[k], rmax[k], secs[k] / n[k], smax[k],
            lmin[k], lmax[k]
    }
}' "$@" | sort
