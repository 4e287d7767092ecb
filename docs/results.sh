#!/bin/sh
# Regenerates docs/results.md: a full `./loopscout run --measure project` of the default manifest (or the
# projects given with --only ID,...), then `./loopscout results` over its outputs. Extra arguments go to `run`.
#   docs/results.sh [--only ID,...]            (LOOPSCOUT_RESULTS_OUT: the run's output folder)
# Run it on a quiet machine where possible; the load before and after is written into the table.
set -e
cd "$(dirname "$0")/.."
out=${LOOPSCOUT_RESULTS_OUT:-loopscout-results}
before=$(cut -d' ' -f1-3 /proc/loadavg)
./loopscout run --measure project --out "$out" "$@"
after=$(cut -d' ' -f1-3 /proc/loadavg)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
scope="full default manifest"
[ $# -gt 0 ] && scope="./loopscout run --measure project $*"
./loopscout results --from "$out" --commit "$commit" --load "$before before, $after after" \
    --note "Scope: $scope." ${LOOPSCOUT_RESULTS_NOTE:+--note "$LOOPSCOUT_RESULTS_NOTE"} > docs/results.md.new
mv docs/results.md.new docs/results.md
echo "docs/results.md written from $out"
