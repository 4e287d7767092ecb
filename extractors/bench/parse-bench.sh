#!/usr/bin/env bash
# Raw tree-sitter parse through the Java binding (ParsedSource.parse with the optimised libraries the build made)
# against native tree-sitter (native-parse.c, built from the same sources with the same flags), on the same files,
# interleaved round by round; with --bundled also the bonede jars' unoptimised libraries. CPU time of each process's
# parse loop (after one unmeasured round); each side frees every tree right after its parse. Issue 17 target:
# java / native >= 0.8.
# With --callgrind, instruction counts instead of time (they do not move with the machine's load): each side's
# whole process (all threads: JIT, GC, freeing) under valgrind with 0 and with 2 measured rounds; the difference / 2
# is one warm round, without start-up and file reading.
#
# usage: extractors/bench/parse-bench.sh <rust|c> DIR... [--rounds N] [--bundled] [--callgrind]
# e.g.   extractors/bench/parse-bench.sh rust ~/.cargo/registry/src/*/zlib-rs-0.6.8 --rounds 5 --bundled
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
lang=${1:?usage: parse-bench.sh <rust|c> DIR... [--rounds N] [--bundled]}
shift
rounds=5
bundled=false
callgrind=false
dirs=()
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --bundled) bundled=true; shift ;;
    --callgrind) callgrind=true; shift ;;
    *) dirs+=("$1"); shift ;;
  esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$root" && mvn -q -B -pl extractors -am compile dependency:build-classpath -Dmdep.outputFile="$work/cp" >&2)
record="$root/extractors/target/classes/io/loopscout/extract/parse/tree-sitter-natives.properties"
if ! grep -q '^built=true' "$record"; then
  echo "parse-bench: the build made no optimised libraries: $(sed -n 's/^reason=//p' "$record")" >&2
  exit 1
fi
# shellcheck disable=SC1090  # CC, CORE, RUST, C, FLAGS of the optimised build
. "$(sed -n 's/^sources=//p' "$record")"
# shellcheck disable=SC2086  # FLAGS is a list of flags
"$CC" $FLAGS -I"$CORE/include" -I"$CORE/src" -o "$work/native-parse" "$root/extractors/bench/native-parse.c" \
  "$CORE/src/lib.c" "$RUST/src/parser.c" "$RUST/src/scanner.c" "$C/src/parser.c"

deps=$(cat "$work/cp")
optimised="$root/extractors/target/classes:$deps"
# bonede's jars first: their own libraries shadow the optimised ones.
bonede_first="$(tr ':' '\n' <<< "$deps" | grep /io/github/bonede/ | paste -sd:):$optimised"
jvm=(java -Xss8m -Xmx8g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)  # the launcher's settings
"${jvm[@]}" -cp "$optimised" io.loopscout.extract.bench.ParseBench "$lang" --write-list "$work/files" "${dirs[@]}"
echo "parse-bench: $lang, $(wc -l < "$work/files") files, $rounds interleaved rounds; compiler: $CC $FLAGS" \
  "($("$CC" --version | head -1)); load before: $(cat /proc/loadavg)"

if $callgrind; then
  # Instructions of one whole process; ParseBench and native-parse both parse ROUNDS + 1 times.
  instructions() {
    local out=$1
    shift
    valgrind --tool=callgrind --smc-check=all-non-file --callgrind-out-file="$out.cg" "$@" > "$out.log" 2>&1 \
      || { echo "parse-bench: callgrind failed: $*" >&2; tail -5 "$out.log" >&2; exit 1; }
    sed -n 's/^==[0-9]*== Collected : //p' "$out.log"
  }
  bytes=$(tr '\n' '\0' < "$work/files" | xargs -0 cat | wc -c)
  for side in java native; do
    for n in 0 2; do
      if [ $side = java ]; then
        count=$(instructions "$work/$side$n" "${jvm[@]}" -cp "$optimised" io.loopscout.extract.bench.ParseBench \
          "$lang" --list "$work/files" --rounds $n)
      else
        count=$(instructions "$work/$side$n" "$work/native-parse" "$lang" "$work/files" $n)
      fi
      echo "$side $n $count"
    done
  done | awk -v bytes="$bytes" '{ ir[$1, $2] = $3 }
    END { j = (ir["java", 2] - ir["java", 0]) / 2; n = (ir["native", 2] - ir["native", 0]) / 2
          printf "callgrind, instructions of one warm round (%d bytes): java %.0f (%.0f per byte), native %.0f" \
            " (%.0f per byte); native / java = %.3f (target >= 0.8)\n", bytes, j, j / bytes, n, n / bytes, n / j }'
  exit 0
fi

for r in $(seq "$rounds"); do
  "${jvm[@]}" -cp "$optimised" io.loopscout.extract.bench.ParseBench "$lang" --list "$work/files" --rounds 1 \
    2> /dev/null | grep '^java ' | sed "s/^/$r /"
  "$work/native-parse" "$lang" "$work/files" 1 | sed "s/^/$r /"
  if $bundled; then
    "${jvm[@]}" -cp "$bonede_first" io.loopscout.extract.bench.ParseBench "$lang" --list "$work/files" --rounds 1 \
      2> /dev/null | grep '^java ' | sed "s/^java/bundled/; s/^/$r /"
  fi
done | tee "$work/rounds" | awk '{ printf "  round %s: %-8s %s MB in %s CPU-s = %s MB/s (%s trees with errors)\n", $1, $2, $3, $4, $5, $6 }'
echo "load after: $(cat /proc/loadavg)"
# Per round: java/native (and bundled/native); then median, min and max over the rounds.
for kind in java bundled; do
  awk -v k="$kind" '{ mbs[$1, $2] = $5; seen[$1] = 1 }
    END { for (r in seen) if ((r, k) in mbs) print mbs[r, k] / mbs[r, "native"] }' "$work/rounds" | sort -g \
    | awk -v k="$kind" '{ v[NR] = $1 }
      END { if (NR) printf "%s / native (MB/s ratio per round): median %.2f, min %.2f, max %.2f over %d rounds%s\n",
            k, v[int((NR + 1) / 2)], v[1], v[NR], NR, k == "java" ? " (target >= 0.8)" : "" }'
done
