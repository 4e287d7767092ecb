#!/bin/sh
# Writes docs/results.md, the published results table, from the outputs of a `./loopscout run --measure project`.
#   docs/results.sh --from DIR [--note TEXT]...   render from an existing run's output folder (projects.csv,
#                                                 findings.csv, failures.csv, run.json); nothing is run
#   docs/results.sh [RUN ARGS...]                 run `./loopscout run --measure project --out OUT [RUN ARGS...]`
#                                                 first (the full default manifest, or e.g. --only ID,...), then
#                                                 render from OUT (LOOPSCOUT_RESULTS_OUT, default loopscout-results)
# Date, duration, commit, rustc, CPU, load (start and end) and the clock come from the run's run.json; a --note
# (or LOOPSCOUT_RESULTS_NOTE) adds a line for the reader. Benchmark runs must not overlap with other
# benchmarks: run it on a quiet machine where possible.
set -eu
cd "$(dirname "$0")/.."
from=""
set -- "$@" --end-of-args
notes=""
while [ "$1" != --end-of-args ]; do
    case "$1" in
        --from) from=$2; shift 2 ;;
        --from=*) from=${1#--from=}; shift ;;
        --note) notes="$notes$2
"; shift 2 ;;
        *) set -- "$@" "$1"; shift ;;
    esac
done
shift # --end-of-args; "$@" is now what goes to `run`
if [ -z "$from" ]; then
    from=${LOOPSCOUT_RESULTS_OUT:-loopscout-results}
    scope="the full default manifest"
    [ $# -gt 0 ] && scope="./loopscout run --measure project $*"
    ./loopscout run --measure project --out "$from" "$@"
    notes="${notes}Scope: $scope.
"
elif [ $# -gt 0 ]; then
    echo "docs/results.sh: with --from only --note may be given, not: $*" >&2
    exit 2
fi
for f in projects.csv findings.csv failures.csv run.json; do
    [ -f "$from/$f" ] || { echo "docs/results.sh: $from/$f is missing (not a run's output folder?)" >&2; exit 2; }
done
grep -q '"measure_mode" : "project"' "$from/run.json" \
    || echo "docs/results.sh: warning: $from is not a --measure project run; its rows have no project figures" >&2
[ -n "${LOOPSCOUT_RESULTS_NOTE:-}" ] && notes="$notes$LOOPSCOUT_RESULTS_NOTE
"
# one --note per line of $notes
set --
while IFS= read -r line; do
    [ -n "$line" ] && set -- "$@" --note "$line"
done <<EOF
$notes
EOF
./loopscout results --from "$from" "$@" > docs/results.md.new
mv docs/results.md.new docs/results.md
echo "docs/results.md written from $from"
