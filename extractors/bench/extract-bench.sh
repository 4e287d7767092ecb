#!/bin/sh
# Extraction throughput benchmark (end to end vs raw tree-sitter parse, one core).
# usage: extractors/bench/extract-bench.sh <rust|c> <dir>... [--rounds N]
# e.g.   extractors/bench/extract-bench.sh rust "$(rustc --print sysroot)/lib/rustlib/src/rust/library"
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
(cd "$root" && mvn -q -B -pl extractors -am compile dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2)
exec java -Xss8m -cp "$root/extractors/target/classes:$(cat "$cp_file")" io.loopscout.extract.bench.ExtractBench "$@"
