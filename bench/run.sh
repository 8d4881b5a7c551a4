#!/usr/bin/env bash
# Stem's Telegram benchmark, end to end on this machine (see bench/README.md):
#   1. makes sure PostgreSQL runs and pgbench is installed, drops and creates the stem_bench database;
#   2. packages the service (skip with --no-build);
#   3. starts the fake Telegram Bot API + driver (bench/src/nl/stem/bench/, compiled to target/bench), then the service pointed
#      at the fake, on loopback only, and waits for /q/health/ready;
#   4. the driver runs the closed-loop and fixed-rate phases and samples the service's RSS;
#   5. stops the service, runs pgbench with bench/inbound-message.sql at the same concurrency on the
#      same database, and prints the results with the ratio Stem updates/s / pgbench tps.
# Everything it starts is stopped on exit; the whole run is bounded by BENCH_TIME_LIMIT seconds.
#
# Usage: bench/run.sh [--no-build] [--instances N]
#   --instances N: N service instances on the one database, the driver's webhooks to each in turn
#                  (as a round-robin load balancer); CPU is their sum, RSS the largest one's.
# Env: BENCH_USERS (2000) BENCH_CONCURRENCY (32) BENCH_RATE (500) BENCH_RATE_SECONDS (20)
#      BENCH_WARMUP_USERS (200) BENCH_PGBENCH_SECONDS (30) BENCH_TIME_LIMIT (1500)
#      BENCH_SERVICE_OPTS (extra JVM options for the service, e.g. the outbox rate-limit keys)
#      BENCH_DB (stem_bench)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

BUILD=1
INSTANCES=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --instances) shift; INSTANCES=${1:-}; [[ "$INSTANCES" =~ ^[1-9][0-9]?$ ]] || { echo "--instances takes 1-99" >&2; exit 2; } ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

BENCH_USERS=${BENCH_USERS:-2000}
BENCH_CONCURRENCY=${BENCH_CONCURRENCY:-32}
BENCH_RATE=${BENCH_RATE:-500}
BENCH_RATE_SECONDS=${BENCH_RATE_SECONDS:-20}
BENCH_WARMUP_USERS=${BENCH_WARMUP_USERS:-200}
BENCH_PGBENCH_SECONDS=${BENCH_PGBENCH_SECONDS:-30}
BENCH_TIME_LIMIT=${BENCH_TIME_LIMIT:-1500}
BENCH_SERVICE_OPTS=${BENCH_SERVICE_OPTS:-}
BENCH_DB=${BENCH_DB:-stem_bench}
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres

RESULTS=bench/results
LOGS=$RESULTS/logs
mkdir -p "$LOGS"
rm -f "$LOGS"/*.port "$LOGS"/*.pid "$LOGS"/driver.properties

TOKEN="123456:BENCH"
SECRET="bench-secret-$RANDOM$RANDOM"

SERVICE_PIDS=()
DRIVER_PID=""
WATCHDOG_PID=""

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

stop_pid() { # pid, name: TERM, up to 15 s, then KILL
  local pid=$1 name=$2
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  log "$name ($pid) did not stop: killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$DRIVER_PID" driver
  for pid in "${SERVICE_PIDS[@]}"; do stop_pid "$pid" service; done
  if [ -n "$WATCHDOG_PID" ]; then kill "$WATCHDOG_PID" 2>/dev/null || true; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT
trap 'log "stopped (time limit of ${BENCH_TIME_LIMIT}s or TERM)"; exit 143' TERM

# Bounds the whole run: TERM to this script, whose trap stops what it started.
( sleep "$BENCH_TIME_LIMIT"; kill -TERM $$ 2>/dev/null ) </dev/null >/dev/null 2>&1 &
WATCHDOG_PID=$!

free_port() {
  local p
  for _ in $(seq 1 100); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

# --- 1. PostgreSQL and pgbench
bin/ensure-postgres
if ! command -v pgbench >/dev/null || ! pgbench --version >/dev/null 2>&1; then
  log "pgbench is missing: installing postgresql-client and postgresql-contrib"
  if [ "$(id -u)" -ne 0 ]; then echo "Run as root, or install pgbench (postgresql-client) yourself." >&2; exit 1; fi
  apt-get update -qq && apt-get install -y -qq postgresql-client postgresql-contrib >/dev/null
fi
log "database $BENCH_DB: dropping and creating"
psql -d postgres -q -c "set client_min_messages = warning" -c "drop database if exists $BENCH_DB with (force)" >/dev/null
psql -d postgres -qc "create database $BENCH_DB" >/dev/null

# --- 2. package
if [ "$BUILD" = 1 ]; then
  log "packaging the service (./mvnw -B -q package -DskipTests)"
  timeout 900 ./mvnw -B -q package -DskipTests
fi
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "target/quarkus-app/quarkus-run.jar is missing: run without --no-build" >&2; exit 1; }

# --- 3. fake Bot API + driver, then the service
SERVICE_PORTS=()
WEBHOOKS=""
for i in $(seq 1 "$INSTANCES"); do
  p=$(free_port)
  SERVICE_PORTS+=("$p")
  WEBHOOKS="$WEBHOOKS${WEBHOOKS:+,}http://127.0.0.1:$p/webhooks/telegram"
done
log "starting the fake Bot API and the driver"
rm -rf target/bench && javac -nowarn -d target/bench bench/src/nl/stem/bench/*.java
java -Xmx768m -cp target/bench nl.stem.bench.TelegramBench \
  --webhook "$WEBHOOKS" --secret "$SECRET" --token "$TOKEN" \
  --fake-port-file "$LOGS/fake.port" --pid-file "$LOGS/service.pid" \
  --users "$BENCH_USERS" --concurrency "$BENCH_CONCURRENCY" --rate "$BENCH_RATE" --rate-seconds "$BENCH_RATE_SECONDS" \
  --warmup-users "$BENCH_WARMUP_USERS" --out "$RESULTS/latest.txt" --props "$LOGS/driver.properties" \
  >"$LOGS/driver.log" 2>&1 &
DRIVER_PID=$!
for _ in $(seq 1 120); do
  [ -s "$LOGS/fake.port" ] && break
  kill -0 "$DRIVER_PID" 2>/dev/null || { cat "$LOGS/driver.log" >&2; echo "the driver died" >&2; exit 1; }
  sleep 0.5
done
[ -s "$LOGS/fake.port" ] || { echo "the fake Bot API did not start" >&2; exit 1; }
FAKE_PORT=$(cat "$LOGS/fake.port")
log "fake Bot API on 127.0.0.1:$FAKE_PORT; service on 127.0.0.1:${SERVICE_PORTS[*]}"

mkdir -p "$RESULTS/media"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB"
export QUARKUS_DATASOURCE_USERNAME=postgres
export STEM_TELEGRAM_BOT_TOKEN="$TOKEN" STEM_TELEGRAM_WEBHOOK_SECRET="$SECRET"
export STEM_TELEGRAM_API_URL="http://127.0.0.1:$FAKE_PORT"
export STEM_SURVEYS_DIR="$ROOT/surveys" STEM_TRANSLATIONS_DIR="$ROOT/translations" STEM_MEDIA_DIR="$ROOT/$RESULTS/media"
# The fake Bot API has no quota: lift Telegram's pacing (30/s, 1/s per chat) so that reply latency
# measures Stem, not the quota; size the sender and the pool for the driver's concurrency.
export STEM_TELEGRAM_MESSAGES_PER_SECOND="${STEM_TELEGRAM_MESSAGES_PER_SECOND:-100000}"
export STEM_TELEGRAM_PER_CHAT_INTERVAL="${STEM_TELEGRAM_PER_CHAT_INTERVAL:-0s}"
export STEM_OUTBOX_CONCURRENCY="${STEM_OUTBOX_CONCURRENCY:-32}"
# 40 connections for one instance; several share them (PostgreSQL's default max_connections is 100).
export QUARKUS_DATASOURCE_JDBC_MAX_SIZE="${QUARKUS_DATASOURCE_JDBC_MAX_SIZE:-$(( 40 / INSTANCES > 8 ? 40 / INSTANCES : 8 ))}"
export STEM_SURVEYS_DEFAULT="${STEM_SURVEYS_DEFAULT:-toegang_tot_werk}"
# shellcheck disable=SC2086 # JAVA_OPTS and BENCH_SERVICE_OPTS are lists of JVM options
# JAVA_OPTS as bin/run takes it (the same defaults), then BENCH_SERVICE_OPTS.
# The Telegram settings go in the environment only: secrets belong there, and a stem.* system
# property that the service does not know (yet) fails its start-up, while an unknown variable does not.
# One instance after the other: the first creates and migrates the database.
for i in "${!SERVICE_PORTS[@]}"; do
  port=${SERVICE_PORTS[$i]}
  slog="$LOGS/service.log"
  [ "$INSTANCES" = 1 ] || slog="$LOGS/service-$((i + 1)).log"
  java -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
    -Dstem.surveys.dir="$ROOT/surveys" -Dstem.translations.dir="$ROOT/translations" -Dstem.media.dir="$ROOT/$RESULTS/media" \
    ${JAVA_OPTS:--Xmx256m -XX:+UseParallelGC} $BENCH_SERVICE_OPTS -jar target/quarkus-app/quarkus-run.jar >"$slog" 2>&1 &
  pid=$!
  SERVICE_PIDS+=("$pid")
  log "service pid $pid on port $port; waiting for /q/health/ready (log: $slog)"
  ready=0
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; then ready=1; break; fi
    kill -0 "$pid" 2>/dev/null || { tail -n 40 "$slog" >&2; echo "the service died at start-up" >&2; exit 1; }
    sleep 0.5
  done
  [ "$ready" = 1 ] || { tail -n 40 "$slog" >&2; echo "the service was not ready within 120 s" >&2; exit 1; }
done
log "service ready ($INSTANCES instance(s))"

# --- 4. the load: the driver starts once it sees the pid file
echo "${SERVICE_PIDS[*]}" >"$LOGS/service.pid"
set +e
wait "$DRIVER_PID"
driver_rc=$?
set -e
DRIVER_PID=""
[ -s "$LOGS/driver.properties" ] || { tail -n 40 "$LOGS/driver.log" >&2; echo "the driver failed (exit $driver_rc)" >&2; exit 1; }
[ "$driver_rc" = 0 ] || log "driver exited with $driver_rc (see $LOGS/driver.log)"
log "load done; stopping the service before pgbench"
for pid in "${SERVICE_PIDS[@]}"; do stop_pid "$pid" service; done
SERVICE_PIDS=()

# --- 5. pgbench: the database ceiling for the same SQL at the same concurrency
log "pgbench: $BENCH_CONCURRENCY clients for ${BENCH_PGBENCH_SECONDS}s on $BENCH_DB"
psql -d "$BENCH_DB" -q -v ON_ERROR_STOP=1 -v respondents="$BENCH_USERS" -f bench/pgbench-setup.sql >/dev/null
SVID=$(psql -d "$BENCH_DB" -Atc "select id from survey_versions where survey_id = 'bench_pgbench' and version = 1")
JOBS=$(nproc)
[ "$JOBS" -le "$BENCH_CONCURRENCY" ] || JOBS=$BENCH_CONCURRENCY
timeout $((BENCH_PGBENCH_SECONDS + 120)) pgbench -n -M prepared -c "$BENCH_CONCURRENCY" -j "$JOBS" -T "$BENCH_PGBENCH_SECONDS" \
  -D respondents="$BENCH_USERS" -D svid="$SVID" -f bench/inbound-message.sql "$BENCH_DB" >"$LOGS/pgbench.log" 2>&1 \
  || { cat "$LOGS/pgbench.log" >&2; echo "pgbench failed" >&2; exit 1; }
PG_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$LOGS/pgbench.log" | head -n 1 | awk '{ printf "%.1f", $1 }')
PG_LAT=$(sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$LOGS/pgbench.log" | head -n 1)

prop() { sed -n "s/^$1=//p" "$LOGS/driver.properties"; }
STEM_RATE=$(prop closed_updates_per_s)
RATIO=$(awk -v s="$STEM_RATE" -v p="$PG_TPS" 'BEGIN { if (p > 0) printf "%.2f", s / p; else print "n/a" }')
RSS_MB=$(awk -v k="$(prop rss_peak_kb)" 'BEGIN { if (k > 0) printf "%.0f", k / 1024; else print "n/a" }')
verdict() { awk -v v="$1" -v lim="$2" -v dir="$3" 'BEGIN { if (v == "" || v == "n/a" || v == "-") print "n/a"; else if ((dir == "min" && v + 0 >= lim) || (dir == "max" && v + 0 < lim)) print "met"; else print "MISSED" }'; }

{
  echo
  printf '%-46s %s\n' "service instances on the one database" "$INSTANCES (webhooks to each in turn)"
  printf '%-46s %s\n' "pgbench (bench/inbound-message.sql)" "$BENCH_CONCURRENCY clients, ${BENCH_PGBENCH_SECONDS}s, -M prepared, $JOBS threads"
  printf '%-46s %s\n' "pgbench: tps / latency average" "${PG_TPS:-n/a} tps / ${PG_LAT:-n/a} ms"
  printf '%-46s %s\n' "Stem updates/s / pgbench tps" "$STEM_RATE / ${PG_TPS:-n/a} = $RATIO"
  echo
  echo "targets (issue 3, on a 2-core machine)                   measured     verdict"
  printf '  %-55s %-12s %s\n' ">= 60% of the pgbench ceiling" "$RATIO" "$(verdict "$RATIO" 0.60 min)"
  printf '  %-55s %-12s %s\n' "ack p99 < 50 ms at $BENCH_RATE updates/s" "$(prop open_ack_p99_ms) ms" "$(verdict "$(prop open_ack_p99_ms)" 50 max)"
  printf '  %-55s %-12s %s\n' "reply p99 < 250 ms (closed loop)" "$(prop closed_reply_p99_ms) ms" "$(verdict "$(prop closed_reply_p99_ms)" 250 max)"
  printf '  %-55s %-12s %s\n' "peak RSS < 512 MB" "$RSS_MB MB" "$(verdict "$RSS_MB" 512 max)"
  echo
  echo "command: BENCH_USERS=$BENCH_USERS BENCH_CONCURRENCY=$BENCH_CONCURRENCY BENCH_RATE=$BENCH_RATE BENCH_RATE_SECONDS=$BENCH_RATE_SECONDS BENCH_SERVICE_OPTS='$BENCH_SERVICE_OPTS' bench/run.sh"
  echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo), $(psql -d postgres -Atc 'show server_version'), $(java -version 2>&1 | head -n 1)"
  echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (uncommitted changes)')"
} >"$LOGS/summary.txt"

echo
cat "$RESULTS/latest.txt"
cat "$LOGS/summary.txt"
cat "$LOGS/summary.txt" >>"$RESULTS/latest.txt"
log "results written to $RESULTS/latest.txt; logs in $LOGS"
if [ "$driver_rc" != 0 ]; then
  log "the driver reported failure (no survey completed): see $LOGS/driver.log and $LOGS/service.log"
  exit 1
fi
