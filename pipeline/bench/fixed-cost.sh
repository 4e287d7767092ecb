#!/usr/bin/env bash
# Fixed cost and memory of `loopscout scan`, jars (or JVM settings) compared in one interleaved run.
# Prints per variant the CPU seconds (user+sys, less sensitive to load than wall time), peak RSS and wall time,
# each as min / median / max over the rounds, and the ratio of median CPU-s to the first variant; the load too.
#
#   pipeline/bench/fixed-cost.sh [--rounds N] DIR... -- LABEL=JAR[@JAVA_OPTS] ...
#   e.g. pipeline/bench/fixed-cost.sh --rounds 3 /tmp/csv-core -- main=/tmp/main.jar 'new=pipeline/target/loopscout.jar@-XX:TieredStopAtLevel=1'
#
# JAVA_OPTS defaults to the launcher's -Xmx8g. Each DIR is scanned as one project (several DIRs: one run over all).
set -euo pipefail
rounds=3
dirs=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    *) dirs+=("$(cd "$1" && pwd)"); shift ;;
  esac
done
[ "${1:-}" = "--" ] && shift
if [ ${#dirs[@]} -eq 0 ] || [ $# -eq 0 ]; then
  sed -n '2,9p' "$0" >&2
  exit 2
fi
variants=("$@")
work="$(mktemp -d /tmp/fixed-cost.XXXXXX)"
trap 'rm -rf "$work"' EXIT
ADD_OPENS=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED)
echo "# load before: $(cat /proc/loadavg); $(nproc) cores; ${rounds} rounds; dirs: ${dirs[*]} ($(du -scb --exclude=target "${dirs[@]}" | tail -1 | cut -f1) bytes)"
for ((r = 1; r <= rounds; r++)); do
  for v in "${variants[@]}"; do
    label="${v%%=*}"; spec="${v#*=}"
    jar="${spec%%@*}"; opts="-Xmx8g"
    [ "$spec" != "$jar" ] && opts="${spec#*@}"
    out="$work/$label-$r"
    # shellcheck disable=SC2086 # opts is a list of JVM flags
    /usr/bin/time -f "%U %S %M %e" -o "$work/$label.$r.time" \
      java $opts "${ADD_OPENS[@]}" -jar "$jar" scan "${dirs[@]}" --out "$out" >"$work/$label.$r.log" 2>&1 \
      || { echo "$label round $r failed:"; tail -5 "$work/$label.$r.log"; exit 1; }
    [ -f "$out/findings.csv" ] && lines=$(($(wc -l <"$out/findings.csv") - 1)) || lines="?"
    echo "$label" "$(cat "$work/$label.$r.time")" "$lines" >>"$work/all"
    rm -rf "$out"
  done
done
echo "# load after: $(cat /proc/loadavg)"
python3 - "$work/all" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    label, user, sys_, rss, wall, findings = line.split()
    rows.setdefault(label, []).append((float(user) + float(sys_), int(rss) / 1024, float(wall), findings))
def mmm(xs, fmt):
    return "/".join(fmt.format(x) for x in (min(xs), statistics.median(xs), max(xs)))
base = None
print(f"{'variant':12} {'CPU-s min/med/max':22} {'peak RSS MB':20} {'wall s':20} {'findings':8} CPU ratio")
for label, rs in rows.items():
    cpu = [r[0] for r in rs]
    base = base or statistics.median(cpu)
    print(f"{label:12} {mmm(cpu, '{:.1f}'):22} {mmm([r[1] for r in rs], '{:.0f}'):20} "
          f"{mmm([r[2] for r in rs], '{:.1f}'):20} {','.join(sorted(set(r[3] for r in rs))):8} "
          f"{statistics.median(cpu) / base:.2f}")
PY
