#!/bin/sh
# Benchmark shows of the native runner (see io.loopscout.runner.shows.Shows):
#   native-runner/bench.sh aa [REPS]          A/A experiment on the lexer fixture (default 20 repetitions)
#   native-runner/bench.sh regressed          lexer fixture whose variant B is 10% slower on purpose
#   native-runner/bench.sh model [STATES]     model tier on a generated graph (default 30 states)
#   native-runner/bench.sh zlib ZLIB_RS_DIR [B_DIR|rewrite|-] [ITERATIONS]   zlib-rs inflate, 16-byte chunks;
#       B defaults to `rewrite`: the CrateRewriter applied to a copy (its verification builds in the sandbox)
#   native-runner/bench.sh calibrate [REPS] [SLOW_REPS] [--busy K]   the protocol's calibration: REPS A/A
#       decisions (default 100), SLOW_REPS each of a known 10% and 2% slowdown (default 20); prints within-noise
#       rate, false verdicts, detection power, unstable reasons, decision times and load. --busy K runs K busy
#       loops meanwhile (K=4 on 2 CPUs: load about 4 on top of whatever else runs)
#   native-runner/bench.sh noise [PAIRS]       noise at the source: pinning, inner repetitions, clocks, dropping
#       disturbed pairs, measured against each other in one interleaved run (default 30 pairs per set-up)
# Runs niced; the machine's load is printed with the results. Defaults are the protocol's (Protocol.standard:
# CPU time of the run's cgroup, not pinned, pairs until CI ±0.6% or 2 min). LOOPSCOUT_CPU=N pins runs to CPU N
# (=none: not pinned); LOOPSCOUT_CLOCK=wall|cpu chooses the clock.
set -e
cd "$(dirname "$0")/.."
mvn -q -B -pl native-runner -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
CP="native-runner/target/test-classes:native-runner/target/classes:$(cat native-runner/target/classpath.txt)"
exec nice -n 5 java -cp "$CP" io.loopscout.runner.shows.Shows "$@"
