#!/usr/bin/env bash
# The same manifest on the direct runner and on a standalone Flink session cluster of this machine (JobManager and
# two TaskManagers, pipeline/flink/cluster.sh), then every CSV compared byte for byte. Prints each run's wall time
# and the load; exits 1 when a CSV differs. The cluster is stopped at the end (also on failure or Ctrl-C) when this
# script started it. Both runs share a cache of acquired sources (WORKDIR/cache unless the options give --cache),
# but each starts without per-file extraction results (the cache's extractions/ is deleted before each run), so
# both extract every file themselves.
# Usage: pipeline/flink/check.sh [MANIFEST=corpus-manifest/default.yaml] [WORKDIR=/tmp/loopscout-flink-check]
#        [more `loopscout run` options, e.g. --only zlib-rs,httparse]
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MANIFEST="$(realpath "${1:-$HOME_DIR/corpus-manifest/default.yaml}")"
WORK="${2:-/tmp/loopscout-flink-check}"
shift $(( $# < 2 ? $# : 2 ))
CLUSTER="$HOME_DIR/pipeline/flink/cluster.sh"
rm -rf "$WORK/direct" "$WORK/flink" && mkdir -p "$WORK"

"$HOME_DIR/loopscout" --version > /dev/null  # builds the jar first, so neither timed run includes that
started=0
if ! "$CLUSTER" status > /dev/null 2>&1; then
  trap '"$CLUSTER" stop > /dev/null' EXIT
  master="$("$CLUSTER" start)"
  started=1
else
  master="localhost:${LOOPSCOUT_FLINK_PORT:-8081}"
fi

CACHE="$WORK/cache" CACHE_ARG=(--cache "$WORK/cache")
for ((i = 1; i <= $#; i++)); do [ "${!i}" = --cache ] && { j=$((i + 1)); CACHE="${!j}"; CACHE_ARG=(); }; done

timed() {  # NAME ARGS...: one run, its wall time and the load around it
  local name="$1"; shift
  rm -rf "$CACHE/extractions"
  echo "$name: load before $(cut -d' ' -f1-3 /proc/loadavg)"
  local t0=$SECONDS
  "$HOME_DIR/loopscout" run --manifest "$MANIFEST" --out "$WORK/$name" "${CACHE_ARG[@]}" "$@" > "$WORK/$name.log" 2>&1 \
    || { tail -20 "$WORK/$name.log"; echo "$name: run failed (log: $WORK/$name.log)"; exit 1; }
  echo "$name: $((SECONDS - t0)) s wall, load after $(cut -d' ' -f1-3 /proc/loadavg)"
}
timed direct "$@"
timed flink --runner FlinkRunner --flink-master "$master" "$@"

status=0
for csv in "$WORK"/direct/*.csv; do
  name="$(basename "$csv")"
  if cmp -s "$csv" "$WORK/flink/$name"; then
    echo "identical: $name ($(($(wc -l < "$csv") - 1)) rows)"
  else
    echo "DIFFERENT: $name"; diff "$csv" "$WORK/flink/$name" | head -20; status=1
  fi
done
[ $started = 0 ] || echo "cluster: stopping (started by this check)"
exit $status
