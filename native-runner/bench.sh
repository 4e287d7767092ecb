#!/bin/sh
# Benchmark shows of the native runner (see io.loopscout.runner.shows.Shows):
#   native-runner/bench.sh aa [REPS]          A/A experiment on the lexer fixture (default 20 repetitions)
#   native-runner/bench.sh regressed          lexer fixture whose variant B is 10% slower on purpose
#   native-runner/bench.sh model [STATES]     model tier on a generated graph (default 30 states)
#   native-runner/bench.sh zlib ZLIB_RS_DIR [B_DIR|rewrite|-] [ITERATIONS]   zlib-rs inflate, 16-byte chunks;
#       B defaults to `rewrite`: the CrateRewriter applied to a copy (its verification builds in the sandbox)
# Runs niced; the machine's load is printed with the results. LOOPSCOUT_CPU=N pins runs to CPU N, =none
# disables pinning (default: the last CPU). LOOPSCOUT_CLOCK=cpu times runs by the CPU time of their process
# tree (cgroup) instead of wall time: NOT the protocol of measurement.md, an opt-in for busy machines.
set -e
cd "$(dirname "$0")/.."
mvn -q -B -pl native-runner -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
CP="native-runner/target/test-classes:native-runner/target/classes:$(cat native-runner/target/classpath.txt)"
exec nice -n 5 java -cp "$CP" io.loopscout.runner.shows.Shows "$@"
