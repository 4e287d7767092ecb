#!/bin/sh
# Extraction throughput of two (or more) builds of the extractors in ONE process, interleaved: each round parses the
# files raw, then runs every variant end to end (order rotated), timing thread CPU; prints each variant's end to
# end / raw parse speed per round and the per-round ratio between variants, and checks that every variant's
# findings equal the first's. Variants are class directories (e.g. a copy of extractors/target/classes per commit).
# usage: extractors/bench/extract-ab.sh ROUNDS name=CLASSES_DIR... -- CRATE_DIR...
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && mvn -q -B -pl extractors -am compile dependency:build-classpath -Dmdep.outputFile="$work/cp" >&2)
mkdir -p "$work/pass" "$work/main"
javac -nowarn -d "$work/pass" -cp "$root/extractors/target/classes:$(cat "$work/cp")" "$root/extractors/bench/ab/E2EPass.java"
javac -nowarn -d "$work/main" "$root/extractors/bench/ab/AB.java"
# The optimised tree-sitter libraries the build made (extractors/target/classes/lib) go before the bonede jars,
# whose bundled copies are unoptimised: bonede's loader reads whichever comes first. Only lib/, not the classes, so
# each variant still loads its own extractor classes. Still not quite the product's path: a JNI library binds to
# the class loader that loaded it (bonede's, the parent's), so the variants' own entry points (direct_parse.c,
# tree_dump.c) cannot link and they parse through the binding's reader, as the warnings say; compare variants with
# each other here, and take absolute end-to-end/raw figures from extract-bench.sh.
mkdir -p "$work/natives"
ln -s "$root/extractors/target/classes/lib" "$work/natives/lib"
echo "load before: $(cat /proc/loadavg)"
java -Xss8m -Dab.pass="$work/pass" -cp "$work/main:$work/natives:$(cat "$work/cp")" AB "$@"
echo "load after: $(cat /proc/loadavg)"
