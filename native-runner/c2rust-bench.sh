#!/bin/sh
# The c2rust experiment (issue 8): bzip2 1.0.8 translated by c2rust, as is / with #[loop_match] / with the LLVM
# flag, against the C and libbz2-rs-sys. Needs c2rust (native-runner/tools/c2rust/install.sh) and valgrind.
#   native-runner/c2rust-bench.sh [--work DIR] [--corpus-mb 60] [--seed 3720] [--rounds 10] [--slice-mb 2]
#                                 [--no-callgrind] [--no-rewrite] [--workload compress|decompress]
# Generated code (bzip2's C, the translation, the corpus) lives in the work dir (~/.cache/loopscout/c2rust-bench).
set -e
cd "$(dirname "$0")/.."
mvn -q -B -pl native-runner -am compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
CP="native-runner/target/classes:$(cat native-runner/target/classpath.txt)"
exec nice -n 5 java -cp "$CP" io.loopscout.runner.translate.CComparisonMain "$@"
