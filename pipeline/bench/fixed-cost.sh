#!/usr/bin/env bash
# Fixed cost and memory of `loopscout scan`, jars (or JVM settings) compared in one interleaved run.
# Prints per variant the CPU seconds (user+sys, less sensitive to load than wall time), peak RSS and wall time,
# each as min / median / max over the rounds, and the ratio of median CPU-s to the first variant; the load too.
#
#   pipeline/bench/fixed-cost.sh [--rounds N] DIR... -- LABEL=JAR[@JAVA_OPTS] ...
#   e.g. pipeline/bench/fixed-cost.sh --rounds 3 /tmp/csv-core -- main=/tmp/main.jar 'new=pipeline/target/loopscout.jar@-XX:TieredStopAtLevel=1'
#
# JAVA_OPTS defaults to the launcher's. Each DIR is scanned as one project (several DIRs: one run over all).
# With --cds each variant first records its own AppCDS archive (an untimed scan, as the launcher's first call
# does) and maps it in every timed run, as the launcher's later calls do; give each variant its own jar file
# (a copy): an archive is valid only for the jar path, size and time it was made with.
set -euo pipefail
rounds=3
cds=false
dirs=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --cds) cds=true; shift ;;
    *) dirs+=("$(cd "$1" && pwd)"); shift ;;
  esac
done
[ "${1:-}" = "--" ] && shift
if [ ${#dirs[@]} -eq 0 ] || [ $# -eq 0 ]; then
  sed -n '2,12p' "$0" >&2
  exit 2
fi
variants=("$@")
work="$(mktemp -d /tmp/fixed-cost.XXXXXX)"
trap 'rm -rf "$work"' EXIT
ADD_OPENS=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED)
LAUNCHER_OPTS="-Xmx8g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"  # the launcher's defaults (keep in step)
CDS_QUIET="-Xlog:cds=off -Xlog:cds+dynamic=off"
variant() { # sets label, jar, opts of variant $1
  label="${1%%=*}"; local spec="${1#*=}"
  jar="${spec%%@*}"; opts="$LAUNCHER_OPTS"
  [ "$spec" != "$jar" ] && opts="${spec#*@}"
  return 0
}
echo "# load before: $(cat /proc/loadavg); $(nproc) cores; ${rounds} rounds; cds $cds; dirs: ${dirs[*]} ($(du -scb --exclude=target "${dirs[@]}" | tail -1 | cut -f1) bytes)"
if $cds; then
  for v in "${variants[@]}"; do
    variant "$v"
    # shellcheck disable=SC2086 # opts is a list of JVM flags
    java -XX:ArchiveClassesAtExit="$work/$label.jsa" $CDS_QUIET $opts "${ADD_OPENS[@]}" -jar "$jar" scan "${dirs[@]}" \
      --out "$work/$label-dump" >"$work/$label.dump.log" 2>&1 || { echo "$label: archive run failed"; exit 1; }
    rm -rf "$work/$label-dump"
  done
fi
for ((r = 1; r <= rounds; r++)); do
  for v in "${variants[@]}"; do
    variant "$v"
    $cds && opts="-XX:SharedArchiveFile=$work/$label.jsa -Xshare:on $CDS_QUIET $opts"
    out="$work/$label-$r"
    # shellcheck disable=SC2086 # opts is a list of JVM flags
    /usr/bin/time -f "%U %S %M %e" -o "$work/$label.$r.time" \
      java $opts "${ADD_OPENS[@]}" -jar "$jar" scan "${dirs[@]}" --out "$out" >"$work/$label.$r.log" 2>&1 \
      || { echo "$label round $r failed:"; tail -5 "$work/$label.$r.log"; exit 1; }
    [ -f "$out/findings.csv" ] && lines=$(($(wc -l <"$out/findings.csv") - 1)) || lines="?"
    [ -f "$out/findings.csv" ] && md5sum <"$out/findings.csv" | cut -c1-12 >>"$work/findings.md5"
    echo "$label" "$(cat "$work/$label.$r.time")" "$lines" >>"$work/all"
    rm -rf "$out"
  done
done
echo "# load after: $(cat /proc/loadavg)"
echo "# findings.csv byte-identical in every run: $([ "$(sort -u "$work/findings.md5" | wc -l)" = 1 ] && echo yes || echo NO)"
python3 - "$work/all" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    label, user, sys_, rss, wall, findings = line.split()
    rows.setdefault(label, []).append((float(user) + float(sys_), int(rss) / 1024, float(wall), findings))
def mmm(xs, fmt):
    return "/".join(fmt.format(x) for x in (min(xs), statistics.median(xs), max(xs)))
first = None
print(f"{'variant':12} {'CPU-s min/med/max':22} {'peak RSS MB':20} {'wall s':20} {'findings':8} "
      f"{'CPU ratio':9} per-round CPU ratios (paired)")
for label, rs in rows.items():
    cpu = [r[0] for r in rs]
    first = first or cpu
    paired = [c / b for c, b in zip(cpu, first)]
    print(f"{label:12} {mmm(cpu, '{:.2f}'):22} {mmm([r[1] for r in rs], '{:.0f}'):20} "
          f"{mmm([r[2] for r in rs], '{:.1f}'):20} {','.join(sorted(set(r[3] for r in rs))):8} "
          f"{statistics.median(cpu) / statistics.median(first):<9.2f} "
          f"{' '.join(f'{x:.2f}' for x in paired)} (median {statistics.median(paired):.2f})")
PY
