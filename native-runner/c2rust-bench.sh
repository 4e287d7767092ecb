#!/bin/sh
# The c2rust experiment (issues 8, 14): a C library translated by c2rust, as is / renumbered / flattened / with
# #[loop_match] / with the LLVM flag, against the C and a Rust port. Projects: bzip2 1.0.8 (default, against
# libbz2-rs-sys), lz4 1.10.0's block API, zlib (libz-sys's, against libz-rs-sys). Needs c2rust
# (native-runner/tools/c2rust/install.sh) and valgrind.
#   native-runner/c2rust-bench.sh [--project bzip2|lz4|zlib] [--work DIR] [--corpus-mb 60] [--seed 3720]
#                                 [--rounds 10] [--slice-mb 2] [--no-callgrind] [--no-rewrite]
#                                 [--workload compress|decompress]
# Generated code (the C, the translation, the corpus) and the tables (c2rust-functions.csv, c2rust-table.md)
# live in the work dir: ~/.cache/loopscout/c2rust-bench for bzip2, ~/.cache/loopscout/c2rust-bench-PROJECT else.
set -e
cd "$(dirname "$0")/.."
mvn -q -B -pl native-runner -am compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
CP="native-runner/target/classes:$(cat native-runner/target/classpath.txt)"
exec nice -n 5 java -cp "$CP" io.loopscout.runner.translate.CComparisonMain "$@"
