#!/usr/bin/env bash
# `loopscout scan` against ast-grep on the same files, interleaved rounds in one run (issue 17: loopscout's wall
# time ≤ 2x ast-grep's). Prints per round and tool the wall time, CPU-s (user+sys) and peak RSS, the wall and CPU
# ratios loopscout / ast-grep (min / median / max), the load, and the file set (count, bytes).
#
#   pipeline/bench/scan-vs-astgrep.sh [--rounds N] [--manifest FILE] [DIR...]
#
# Without DIRs the corpus is the manifest's crates (default corpus-manifest/default.yaml), unpacked where cargo or
# loopscout put them: ~/.cargo/registry/src/*/NAME-VERSION, else loopscout's cache (CACHE/crates/NAME-VERSION;
# `./loopscout run` fills it). ast-grep: $AST_GREP, else `ast-grep` on PATH, else the copy from
#   cargo install ast-grep --locked --root ~/.cache/loopscout/ast-grep
# The two tools read the same files: the ones loopscout's FileLister reads (.rs, .c, .h regular files of at most
# 2 MB without a NUL in their first 8000 bytes, outside .git), listed here and handed to ast-grep one by one;
# loopscout scans the folders, and the count of files it read (run.json) must equal the list's. ast-grep's rules
# (beside this script, ast-grep-rules.yml) find what loopscout looks for, as one structural rule per language:
# a Rust `match` inside a loop, a C `switch` inside a loop. Both tools run on every CPU they are given; the
# launcher's AppCDS archive is made by an untimed warm-up scan first.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
home="$(cd "$here/../.." && pwd)"
rounds=5
manifest="$home/corpus-manifest/default.yaml"
dirs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --manifest) manifest="$2"; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) dirs+=("$(cd "$1" && pwd)"); shift ;;
  esac
done
sg="${AST_GREP:-$(command -v ast-grep || echo "$HOME/.cache/loopscout/ast-grep/bin/ast-grep")}"
if [ ! -x "$sg" ]; then
  echo "ast-grep not found: cargo install ast-grep --locked --root ~/.cache/loopscout/ast-grep (or set AST_GREP)" >&2
  exit 2
fi
cache="${XDG_CACHE_HOME:-$HOME/.cache}/loopscout"
if [ ${#dirs[@]} -eq 0 ]; then
  # manifest entries `source: { crate: NAME, version: "V" }` (optionally `subdir:`); other sources are skipped
  while read -r name version subdir; do
    d="$(ls -d "$HOME"/.cargo/registry/src/*/"$name-$version" 2> /dev/null | head -1 || true)"
    [ -n "$d" ] || d="$cache/crates/$name-$version"
    [ -d "$d" ] || { echo "missing $name $version: run ./loopscout run (or cargo fetch it) first" >&2; exit 2; }
    dirs+=("$d${subdir:+/$subdir}")
  done < <(python3 - "$manifest" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
for block in re.split(r"\n  - id: ", text)[1:]:
    m = re.search(r"crate:\s*([^,}\s]+),\s*version:\s*\"?([^\"}\s]+)\"?", block)
    sub = re.search(r"\n    subdir:\s*(\S+)", block)
    if m:
        print(m.group(1), m.group(2), sub.group(1) if sub else "")
PY
  )
fi
work="$(mktemp -d /tmp/scan-vs-astgrep.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# the files loopscout reads (FileLister's rules), NUL-separated
python3 - "$work/files" "${dirs[@]}" <<'PY'
import os, sys
out, roots = sys.argv[1], sys.argv[2:]
n = size = 0
with open(out, "wb") as f:
    for root in roots:
        for d, subdirs, files in os.walk(root):
            subdirs[:] = sorted(s for s in subdirs if s != ".git" and not os.path.islink(os.path.join(d, s)))
            for name in sorted(files):
                p = os.path.join(d, name)
                if not name.lower().endswith((".rs", ".c", ".h")) or os.path.islink(p) or not os.path.isfile(p):
                    continue
                if os.path.getsize(p) > 2 * 1024 * 1024:
                    continue
                with open(p, "rb") as g:
                    data = g.read()
                if b"\0" in data[:8000]:
                    continue
                f.write(p.encode() + b"\0")
                n += 1
                size += len(data)
print(f"# {len(roots)} folders, {n} files, {size / 1e6:.1f} MB", file=sys.stderr)
PY
files=$(tr -cd '\0' < "$work/files" | wc -c)

ast_grep=(xargs -0 -a "$work/files" "$sg" scan --rule "$here/ast-grep-rules.yml" --json=stream)
echo "# load before: $(cat /proc/loadavg); $(nproc) CPUs usable; ${rounds} rounds; ast-grep $("$sg" --version)"
"$home/loopscout" scan "${dirs[@]}" --out "$work/warm" > /dev/null 2> "$work/warm.log" \
  || { tail -5 "$work/warm.log"; exit 1; }
read_files=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["counts"]["files_scanned"])' \
  "$work/warm/run.json")
if [ "$read_files" != "$files" ]; then
  echo "loopscout read $read_files files, the list has $files: the file sets differ" >&2
  exit 1
fi
"${ast_grep[@]}" > "$work/warm.json"
echo "# findings: loopscout $(($(wc -l < "$work/warm/findings.csv") - 1)) (findings.csv rows)," \
  "ast-grep $(wc -l < "$work/warm.json") matches"
for ((r = 1; r <= rounds; r++)); do
  # alternate which tool goes first, so a drift in load does not favour one
  order=(loopscout ast-grep)
  [ $((r % 2)) -eq 0 ] && order=(ast-grep loopscout)
  for tool in "${order[@]}"; do
    if [ "$tool" = loopscout ]; then
      /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$home/loopscout" scan "${dirs[@]}" --out "$work/out-$r" \
        > /dev/null 2> "$work/log" || { tail -5 "$work/log"; exit 1; }
      rm -rf "$work/out-$r"
    else
      /usr/bin/time -f "%e %U %S %M" -o "$work/t" "${ast_grep[@]}" > /dev/null
    fi
    echo "$r $tool $(tail -1 "$work/t")" | tee -a "$work/all"
  done
done
echo "# load after: $(cat /proc/loadavg)"
python3 - "$work/all" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    r, tool, wall, user, sys_, rss = line.split()
    rows.setdefault(int(r), {})[tool] = (float(wall), float(user) + float(sys_), int(rss) / 1024)
def mmm(xs):
    return "/".join(f"{x:.2f}" for x in (min(xs), statistics.median(xs), max(xs)))
for tool in ("loopscout", "ast-grep"):
    print(f"{tool:10} wall s {mmm([v[tool][0] for v in rows.values()])}  CPU-s {mmm([v[tool][1] for v in rows.values()])}"
          f"  peak RSS MB {mmm([v[tool][2] for v in rows.values()])}")
wall = [v["loopscout"][0] / v["ast-grep"][0] for v in rows.values()]
cpu = [v["loopscout"][1] / max(v["ast-grep"][1], 0.01) for v in rows.values()]
print(f"ratio loopscout / ast-grep, per round (min/median/max): wall {mmm(wall)}, CPU {mmm(cpu)}")
PY
