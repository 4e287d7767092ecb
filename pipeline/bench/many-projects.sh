#!/usr/bin/env bash
# A manifest of N small path projects (one Rust state machine each) through `./loopscout run`: prints the wall
# time, the JVM's peak RSS and the longest progress line, to check that a large manifest runs with bounded memory
# and a bounded progress line. Usage: pipeline/bench/many-projects.sh [N=10000] [WORKDIR=/tmp/loopscout-many]
set -euo pipefail
N="${1:-10000}"
WORK="${2:-/tmp/loopscout-many}"
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rm -rf "$WORK" && mkdir -p "$WORK/projects"
MANIFEST="$WORK/manifest.yaml"
echo "projects:" > "$MANIFEST"
for i in $(seq -w 1 "$N"); do
  mkdir -p "$WORK/projects/p$i/src"
  cat > "$WORK/projects/p$i/src/lib.rs" <<RS
enum S { A, B }
pub fn f$i(mut s: S) -> u32 {
    let mut n = 0;
    loop {
        match s {
            S::A => { n += 1; s = S::B; }
            S::B => return n,
        }
    }
}
RS
  printf '  - { id: p%s, language: rust, source: { path: projects/p%s } }\n' "$i" "$i" >> "$MANIFEST"
done
echo "load before: $(cat /proc/loadavg)"
/usr/bin/time -v "$HOME_DIR/loopscout" run --manifest "$MANIFEST" --out "$WORK/out" --cache "$WORK/cache" \
  2> "$WORK/stderr.log" || { tail -20 "$WORK/stderr.log"; exit 1; }
echo "load after: $(cat /proc/loadavg)"
grep -E 'Elapsed \(wall clock\)|Maximum resident set size' "$WORK/stderr.log"
echo "progress lines: $(grep -c '^\[' "$WORK/stderr.log" || true), longest: $(grep '^\[' "$WORK/stderr.log" | awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }') characters"
echo "findings: $(($(wc -l < "$WORK/out/findings.csv") - 1)) (expected $N)"
