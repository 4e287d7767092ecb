#!/usr/bin/env bash
# A standalone Flink session cluster on this machine for `loopscout run --runner FlinkRunner --flink-master`:
# one JobManager (StandaloneSessionClusterEntrypoint) and N TaskManagers (TaskManagerRunner, default 2), each its
# own JVM, from the Flink artifacts on Maven Central at the version the loopscout jar was built with.
#
#   pipeline/flink/cluster.sh start [TASKMANAGERS=2]   fetch the jars (once), write the config, start, wait until
#                                                      every TaskManager registered; prints the --flink-master value
#   pipeline/flink/cluster.sh stop                     stop the JVMs this script started (by their pid files)
#   pipeline/flink/cluster.sh status                   which JVMs run, and the cluster's REST overview
#
# Environment: LOOPSCOUT_FLINK_DIR (config, logs, pids; default ~/.cache/loopscout/flink-cluster),
# LOOPSCOUT_FLINK_PORT (REST port, default 8081; the JobManager's RPC port is 6123 unless LOOPSCOUT_FLINK_RPC_PORT),
# LOOPSCOUT_FLINK_TM_MEMORY (each TaskManager's process size, default 1536m), LOOPSCOUT_FLINK_JM_MEMORY (1024m).
# Everything listens on localhost only. Logs: $LOOPSCOUT_FLINK_DIR/log/{jobmanager,taskmanager-N}.{log,out}.
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/loopscout"
DIR="${LOOPSCOUT_FLINK_DIR:-$CACHE/flink-cluster}"
PORT="${LOOPSCOUT_FLINK_PORT:-8081}"
RPC_PORT="${LOOPSCOUT_FLINK_RPC_PORT:-6123}"
TM_MEMORY="${LOOPSCOUT_FLINK_TM_MEMORY:-1536m}"
JM_MEMORY="${LOOPSCOUT_FLINK_JM_MEMORY:-1024m}"
JAR="$HOME_DIR/pipeline/target/loopscout.jar"
# what the loopscout launcher opens, for the same reasons (Flink, Beam and Kryo reflect into the JDK)
OPENS=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.time=ALL-UNNAMED)

die() { echo "cluster.sh: $*" >&2; exit 1; }

# The Flink version the job was built against: the cluster must run the same one (Flink's classes load
# parent-first, from the cluster, whatever the job jar holds).
flink_version() {
  [ -f "$JAR" ] || "$HOME_DIR/loopscout" --version > /dev/null  # the launcher builds the jar when missing or stale
  unzip -p "$JAR" .flink-runtime.version.properties | sed -n "s/^project.version=//p"
}

# The cluster's jars, copied once per Flink version from Maven (~/.m2, else Maven Central) into the cache.
fetch_lib() {
  local version="$1" lib="$CACHE/flink-$1/lib"
  if [ ! -f "$lib/.complete" ]; then
    echo "cluster.sh: fetching Flink $version from Maven into $lib" >&2
    rm -rf "$lib"
    mvn -B -ntp -q -f "$HOME_DIR/pipeline/flink/pom.xml" -Dflink.version="$version" \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
      -DoutputDirectory="$lib" -DincludeScope=runtime >&2 || die "could not fetch the Flink jars"
    touch "$lib/.complete"
  fi
  echo "$lib"
}

write_config() {
  local tms="$1"
  mkdir -p "$DIR/conf" "$DIR/log" "$DIR/pids" "$DIR/tmp" "$DIR/plugins"
  # legacy flat file: Flink 1.19 reads it when conf/ has no config.yaml
  cat > "$DIR/conf/flink-conf.yaml" <<CONF
jobmanager.rpc.address: localhost
jobmanager.rpc.port: $RPC_PORT
jobmanager.bind-host: localhost
rest.address: localhost
rest.bind-address: localhost
rest.port: $PORT
taskmanager.host: localhost
taskmanager.bind-host: localhost
taskmanager.numberOfTaskSlots: 1
parallelism.default: $tms
jobmanager.memory.process.size: $JM_MEMORY
taskmanager.memory.process.size: $TM_MEMORY
# Beam's batch translation sorts in managed memory; the rest is heap for the DoFns (the report writer gathers the
# run's results in one task)
taskmanager.memory.managed.fraction: 0.25
io.tmp.dirs: $DIR/tmp
# a machine shared with benchmarks and builds: a JVM can stall for seconds
heartbeat.timeout: 180000
pekko.ask.timeout: 60 s
web.submit.enable: false
CONF
  cat > "$DIR/conf/log4j.properties" <<'CONF'
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = MainAppender
appender.main.name = MainAppender
appender.main.type = File
appender.main.fileName = ${sys:log.file}
appender.main.append = false
appender.main.layout.type = PatternLayout
appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
logger.pekko.name = org.apache.pekko
logger.pekko.level = WARN
logger.netty.name = org.jboss.netty.channel.DefaultChannelPipeline
logger.netty.level = ERROR
logger.beam.name = org.apache.beam
logger.beam.level = WARN
logger.jgit.name = org.eclipse.jgit
logger.jgit.level = WARN
CONF
}

# BashJavaUtils computes a process's JVM options (-Xmx, -XX:MaxDirectMemorySize...) and the dynamic properties
# from the memory settings, as Flink's own start scripts do. Prints the JVM options on line 1, the properties on 2.
resource_params() {
  local what="$1" cp="$2"
  java "${OPENS[@]}" -cp "$cp" org.apache.flink.runtime.util.bash.BashJavaUtils "$what" --configDir "$DIR/conf" \
    2> "$DIR/log/bash-java-utils.err" | sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p'
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2> /dev/null; }

start_jvm() {
  local name="$1" cls="$2" jvm="$3" dyn="$4" cp="$5"
  # shellcheck disable=SC2086 # the computed options are words
  (cd "$DIR" && FLINK_PLUGINS_DIR="$DIR/plugins" exec nohup java $jvm "${OPENS[@]}" -Dlog.file="$DIR/log/$name.log" \
    -Dlog4j.configurationFile="file:$DIR/conf/log4j.properties" -cp "$cp" "$cls" \
    --configDir "$DIR/conf" $dyn > "$DIR/log/$name.out" 2>&1 < /dev/null) &
  echo $! > "$DIR/pids/$name.pid"
}

overview() { curl -sf --max-time 5 "http://localhost:$PORT/overview"; }

start() {
  local tms="${1:-2}"
  for pid in "$DIR"/pids/*.pid; do
    alive "$pid" && die "a cluster is running already ($pid); cluster.sh stop first"
  done
  local version lib cp
  version="$(flink_version)"
  [ -n "$version" ] || die "no Flink version in $JAR"
  lib="$(fetch_lib "$version")"
  cp="$(find "$lib" -name '*.jar' | sort | paste -sd:)"
  rm -rf "$DIR/pids" "$DIR/tmp"
  write_config "$tms"
  local params jvm dyn
  params="$(resource_params GET_JM_RESOURCE_PARAMS "$cp")"
  jvm="$(sed -n 1p <<< "$params")"; dyn="$(sed -n 2p <<< "$params")"
  [ -n "$jvm" ] || die "BashJavaUtils gave no JobManager options: $DIR/log/bash-java-utils.err"
  start_jvm jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint "$jvm" \
    "--executionMode cluster $dyn" "$cp"
  params="$(resource_params GET_TM_RESOURCE_PARAMS "$cp")"
  jvm="$(sed -n 1p <<< "$params")"; dyn="$(sed -n 2p <<< "$params")"
  [ -n "$jvm" ] || die "BashJavaUtils gave no TaskManager options: $DIR/log/bash-java-utils.err"
  for i in $(seq 1 "$tms"); do
    start_jvm "taskmanager-$i" org.apache.flink.runtime.taskexecutor.TaskManagerRunner "$jvm" "$dyn" "$cp"
  done
  echo "cluster.sh: Flink $version starting in $DIR (JobManager + $tms TaskManagers, $TM_MEMORY each)" >&2
  local deadline=$((SECONDS + ${LOOPSCOUT_FLINK_START_TIMEOUT:-300})) registered=0
  while [ $SECONDS -lt $deadline ]; do
    for pid in "$DIR"/pids/*.pid; do
      if ! alive "$pid"; then
        local name; name="$(basename "$pid" .pid)"
        tail -n 20 "$DIR/log/$name.out" "$DIR/log/$name.log" >&2 2> /dev/null || true
        stop > /dev/null 2>&1
        die "$name exited during start-up (its output above; logs in $DIR/log/)"
      fi
    done
    registered="$(overview 2> /dev/null | sed -n 's/.*"taskmanagers":\([0-9]*\).*/\1/p' || true)"
    [ "${registered:-0}" -ge "$tms" ] && { echo "localhost:$PORT"; return 0; }
    sleep 2
  done
  stop > /dev/null 2>&1
  die "only ${registered:-0} of $tms TaskManagers registered in time: see $DIR/log/"
}

stop() {
  local any=0
  # TaskManagers first, so the JobManager does not log them as lost
  for pid in $(ls "$DIR"/pids/taskmanager-*.pid 2> /dev/null) "$DIR/pids/jobmanager.pid"; do
    [ -f "$pid" ] || continue
    if alive "$pid"; then
      kill "$(cat "$pid")"
      for _ in $(seq 1 30); do alive "$pid" || break; sleep 1; done
      alive "$pid" && kill -9 "$(cat "$pid")"
      echo "stopped $(basename "$pid" .pid) (pid $(cat "$pid"))"
      any=1
    fi
    rm -f "$pid"
  done
  [ $any = 1 ] || echo "no cluster running (no live pid in $DIR/pids)"
}

status() {
  local running=0
  for pid in "$DIR"/pids/*.pid; do
    [ -f "$pid" ] || continue
    if alive "$pid"; then echo "$(basename "$pid" .pid): running (pid $(cat "$pid"))"; running=1
    else echo "$(basename "$pid" .pid): not running"; fi
  done
  [ $running = 1 ] || { echo "no cluster running"; return 3; }
  overview && echo || echo "REST endpoint localhost:$PORT not answering"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  status) status ;;
  *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
