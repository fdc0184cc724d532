#!/usr/bin/env bash
# `make bench`: builds the jar, starts the all-in-one application as `make run` does (own database, queue
# prefix, ports), measures pgbench's single-row INSERT limit, runs the load generator
# (org.notifyoncamel.bench.Bench via `mvn -Pbench exec:java`) and writes the table to docs/performance.md.
# Settings (environment): BENCH_PORT, BENCH_SQS_PORT, BENCH_DATABASE, BENCH_WARMUP, BENCH_DURATION,
# BENCH_LATENCY, BENCH_BROADCASTS, BENCH_JFR=1 (a flight recording of the run in target/bench/app.jfr), JAVA_OPTS,
# and for profiling one part: BENCH_APP_NAME (the role started, default all) and BENCH_ONLY=api (only the API rows;
# docs/performance.md is then left alone). BENCH_ONLY=letters measures the letter rows in process (templated PDFs
# rendered, precompiled letters validated; no application is started) and prints them alone. BENCH_ONLY=jobs starts
# the application and measures only the bulk job row (no pgbench), printed alone.
set -euo pipefail
cd "$(dirname "$0")/../../.."

PORT=${BENCH_PORT:-6391}
SQS_PORT=${BENCH_SQS_PORT:-9591}
DB=${BENCH_DATABASE:-bench_notification_api}
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx768m -XX:+UseParallelGC -Duser.timezone=UTC}
MVN=${MVN:-mvn -B -q}
OUT=target/bench
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt"
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -n1)
started=$(date +%s)
LOADAVG_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

if [ "${BENCH_ONLY:-}" = letters ]; then
  mkdir -p "$OUT"
  $MVN -Pbench test-compile exec:java -Dbench.only=letters -Dbench.out="$OUT/table.md"
  exit 0
fi

echo "== build"
$MVN -DskipTests package
mkdir -p "$OUT"
# the start-up class archive, as `make run` builds it (ADR 0082); not part of the measured start-up
make --no-print-directory cds JAVA_OPTS="$JAVA_OPTS"
START="-jar target/notify-on-camel.jar"
if [ -s target/cds/app.jsa ]; then START="-XX:SharedArchiveFile=target/cds/app.jsa -jar target/cds/notify-on-camel.jar"; fi

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "port $PORT is in use: set BENCH_PORT" >&2; exit 1
fi

# Notifications left undelivered by earlier (interrupted) runs would be re-sent by the replay job in the middle of
# this run's measurements: the benchmark database is the benchmark's own, so they are marked failed first.
if $PSQL -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  $PSQL -d "$DB" -c "UPDATE notifications SET notification_status = 'technical-failure'
    WHERE notification_status IN ('created', 'sending', 'pending')" 2>/dev/null || true
fi

echo "== start the application (port $PORT, database $DB, queue prefix bench-)"
JFR_OPTS=""
if [ "${BENCH_JFR:-0}" = 1 ]; then
  JFR_OPTS="-XX:StartFlightRecording=filename=$OUT/app.jfr,settings=profile,dumponexit=true"
fi
start_ns=$(date +%s%N)
GIT_COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown) BUILD_TIME=$(date -u +%Y-%m-%dT%H:%M:%SZ) \
  PORT=$PORT NOTIFY_APP_NAME=${BENCH_APP_NAME:-all} NOTIFY_DATABASE_NAME=$DB NOTIFICATION_QUEUE_PREFIX=bench- NOTIFY_SQS_EMBEDDED_PORT=$SQS_PORT \
  NOTIFY_SIMULATORS_CBC_LATENCY=0 \
  java $JAVA_OPTS $JFR_OPTS $START >"$OUT/app.log" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true; wait $APP_PID 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
  if ! kill -0 $APP_PID 2>/dev/null; then echo "the application exited; see $OUT/app.log" >&2; tail -n 30 "$OUT/app.log" >&2; exit 1; fi
  sleep 0.1
done
ready_ns=$(date +%s%N)
STARTUP=$(awk "BEGIN { printf \"%.1f\", ($ready_ns - $start_ns) / 1e9 }")
echo "ready after $STARTUP s"

if [ "${BENCH_ONLY:-}" = jobs ]; then
  PGBENCH_TPS=0
else
  echo "== pgbench: single-row INSERT commits into a copy of notifications (same indexes), 32 clients, 15 s"
  $PSQL -d "$DB" -c "DROP SCHEMA IF EXISTS pgbench_scratch CASCADE; CREATE SCHEMA pgbench_scratch;
    CREATE TABLE pgbench_scratch.notifications (LIKE public.notifications INCLUDING ALL);"
  cat >"$OUT/pgbench-insert.sql" <<'SQL'
  INSERT INTO pgbench_scratch.notifications (id, "to", normalised_to, service_id, template_id, template_version, api_key_id,
    key_type, billable_units, notification_type, created_at, notification_status, client_reference, _personalisation,
    international, phone_prefix, rate_multiplier, reply_to_text, document_download_count)
  VALUES (gen_random_uuid(), '07700900123', '447700900123', 'c0ffee00-0000-4000-8000-000000000001',
    'c0ffee00-0000-4000-8000-000000000002', 1, 'c0ffee00-0000-4000-8000-000000000003', 'normal', 0, 'sms',
    now() AT TIME ZONE 'utc', 'created', NULL, 'aes-gcm-ciphertext-of-the-personalisation-of-about-this-length-xxxxxxxx',
    false, '44', 1, 'GOVUK', 0);
SQL
  $PGBENCH -h 127.0.0.1 -U postgres -n -c 32 -j 2 -T 15 -f "$OUT/pgbench-insert.sql" "$DB" >"$OUT/pgbench.txt" 2>&1
  PGBENCH_TPS=$(awk '/^tps = / { print $3; exit }' "$OUT/pgbench.txt")
  echo "pgbench: $PGBENCH_TPS tps"
  $PSQL -d "$DB" -c "DROP SCHEMA pgbench_scratch CASCADE;"
fi

echo "== load generator"
$MVN -Pbench test-compile exec:java -Dbench.url="http://127.0.0.1:$PORT" \
  -Dbench.db="jdbc:postgresql://127.0.0.1:5432/$DB" -Dbench.pid=$APP_PID -Dbench.pgbench-tps="$PGBENCH_TPS" \
  -Dbench.startup-seconds="$STARTUP" -Dbench.out="$OUT/table.md" \
  -Dbench.warmup-seconds="${BENCH_WARMUP:-45}" -Dbench.duration-seconds="${BENCH_DURATION:-60}" \
  -Dbench.latency-seconds="${BENCH_LATENCY:-20}" -Dbench.broadcasts="${BENCH_BROADCASTS:-40}" -Dbench.only="${BENCH_ONLY:-}"

# the measurements are over: a graceful shutdown waits up to 20 s for the consumers' long polls, which only a
# flight recording (written at exit) needs
kill $APP_PID
if [ "${BENCH_JFR:-0}" != 1 ]; then
  for _ in $(seq 1 50); do kill -0 $APP_PID 2>/dev/null || break; sleep 0.1; done
  kill -9 $APP_PID 2>/dev/null || true
fi
wait $APP_PID 2>/dev/null || true
trap - EXIT

{
  echo "Measured $(date -u +%Y-%m-%dT%H:%M:%SZ) on commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)'):"
  echo "\`nproc\` $(nproc), memory $(free -g | awk '/^Mem:/ { print $2 " GiB" }'), load average before the run: $LOADAVG_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "JAVA_OPTS: \`$JAVA_OPTS\`; started with \`$START\`; whole \`make bench\`: $(( $(date +%s) - started )) s."
  echo
  cat "$OUT/table.md"
} >"$OUT/generated.md"

DOC=docs/performance.md
if [ -n "${BENCH_ONLY:-}" ] || [ "${BENCH_APP_NAME:-all}" != all ]; then
  cat "$OUT/generated.md"; exit 0
fi
if [ -f "$DOC" ] && grep -q '<!-- bench:start -->' "$DOC"; then
  awk -v gen="$OUT/generated.md" '
    /<!-- bench:start -->/ { print; while ((getline line < gen) > 0) print line; skip = 1; next }
    /<!-- bench:end -->/ { skip = 0 }
    !skip { print }' "$DOC" >"$DOC.tmp" && mv "$DOC.tmp" "$DOC"
else
  { echo "# Performance"; echo; echo "<!-- bench:start -->"; cat "$OUT/generated.md"; echo "<!-- bench:end -->"; } >"$DOC"
fi
echo
cat "$OUT/generated.md"
