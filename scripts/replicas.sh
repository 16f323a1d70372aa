#!/usr/bin/env bash
# Two replicas of the real backend (packages/backend) sharing one private PostgreSQL
# and one private Redis, both against one sandbox, everything on free loopback ports.
#   scripts/replicas.sh                 start them and wait (Ctrl-C stops everything)
#   scripts/replicas.sh <command ...>   start them, run the command with their URLs in the
#                                       environment (below), stop everything, exit with its code
# Installs redis-server (Debian has no valkey-server in bookworm) and postgresql with apt-get
# when they are missing and we are root. If Redis or PostgreSQL still cannot be started it
# says so and exits 0 (skipped), or 1 when REPLICAS_REQUIRED=1 (.ci/run sets it).
# The command sees: REPLICA_A_URL, REPLICA_B_URL, REPLICA_A_LOG, REPLICA_B_LOG,
# REPLICA_A_PID, REPLICA_B_PID, SANDBOX_CONTROL_URL, SANDBOX_GITHUB_URL,
# SANDBOX_DEPLOY_JENKINS_URL, REPLICAS_PG_URL, REDIS_URL, REPLICAS_INTERVAL_MINUTES.
# Knobs: REPLICAS_INTERVAL_MINUTES (history collector interval, default 0.25),
#        REPLICAS_DEPLOY_DELAY_MS (sandbox deploy/build run length, default 20000),
#        REPLICAS_KEEP=1 (keep the run directory with the logs),
#        REPLICAS_CPU_PROF=<dir> (replica A preloads replicas/cpuProfile.cjs: SIGUSR2 to
#        REPLICA_A_PID starts V8's CPU profiler, the next one writes <dir>/*.cpuprofile).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
interval="${REPLICAS_INTERVAL_MINUTES:-0.25}"
deploy_delay="${REPLICAS_DEPLOY_DELAY_MS:-20000}"

say() { echo "[replicas $(date +%T)] $*"; }
unavailable() {
  if [ "${REPLICAS_REQUIRED:-0}" = 1 ]; then
    say "FAILED: $* (REPLICAS_REQUIRED=1)" >&2
    exit 1
  fi
  say "SKIPPED: $* (the two-replica test needs redis-server and PostgreSQL's initdb)"
  exit 0
}

# --- Debian packages -------------------------------------------------------------
need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if ((${#need[@]})) && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  say "installing ${need[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}"; } >/dev/null ||
    say "apt-get could not install ${need[*]}"
fi
command -v redis-server >/dev/null 2>&1 || unavailable "redis-server is not installed"
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pgbin" ] && [ -x "$pgbin/initdb" ] || unavailable "PostgreSQL (initdb) is not installed"

# --- run directory, cleanup ------------------------------------------------------
run=$(mktemp -d /tmp/replicas.XXXXXX)
chmod 755 "$run"
pids=()
pg_started=0
as_pg() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
cleanup() {
  local rc=$?
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  [ "$pg_started" = 1 ] && as_pg "$pgbin/pg_ctl" -D "$run/pg" -m fast stop >/dev/null 2>&1 || true
  if [ "${REPLICAS_KEEP:-0}" = 1 ] || [ "$rc" != 0 ]; then
    say "logs kept in $run"
  else
    rm -rf "$run"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A free loopback port (the kernel picks it), or the first base in 7300-7390 with
# 7 free ports in a row (the sandbox takes base..base+6).
free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}
free_range() {
  node -e "
    const net = require('net');
    const free = p => new Promise(r => { const s = net.createServer();
      s.once('error', () => r(false)); s.listen(p, '127.0.0.1', () => s.close(() => r(true))); });
    (async () => { for (let b = 7300; b <= 7390; b += 10) {
      let ok = true; for (let p = b; p < b + 7 && ok; p++) ok = await free(p);
      if (ok) { console.log(b); return; } } process.exit(1); })();"
}
# start <name> <command...>: in its own process group, output to $run/<name>.log
start() {
  local name=$1; shift
  setsid "$@" >"$run/$name.log" 2>&1 < /dev/null &
  pids+=($!)
}
wait_for() { # wait_for <what> <pid> <seconds> <command...>: until the command succeeds, <pid> dies, or time is up
  local what=$1 pid=$2 secs=$3; shift 3
  local deadline=$((SECONDS + secs))
  while ((SECONDS < deadline)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { say "$what exited; its log:"; tail -n 40 "$run/$what.log"; return 1; }
    sleep 1
  done
  say "$what did not come up in ${secs}s; its log:"; tail -n 40 "$run/$what.log" 2>/dev/null || true
  return 1
}
http_ok() { node -e "fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" "$1"; }

# --- PostgreSQL: a private cluster, trust on loopback ----------------------------
pg_port=$(free_port)
mkdir -p "$run/pg"
[ "$(id -u)" = 0 ] && chown postgres "$run/pg"
as_pg "$pgbin/initdb" -D "$run/pg" -A trust -U postgres >"$run/initdb.log" 2>&1 ||
  unavailable "initdb failed: $(tail -n 3 "$run/initdb.log")"
as_pg "$pgbin/pg_ctl" -D "$run/pg" -l "$run/pg/server.log" -w \
  -o "-p $pg_port -k $run/pg -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null ||
  unavailable "PostgreSQL did not start: $(tail -n 3 "$run/pg/server.log")"
pg_started=1
say "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"

# --- Redis: private, no persistence -----------------------------------------------
redis_port=$(free_port)
start redis redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$run"
wait_for redis "${pids[-1]}" 20 redis-cli -p "$redis_port" ping || unavailable "redis-server did not start"
say "Redis $(redis-server --version | awk '{print $3}' | sed 's/v=//') on 127.0.0.1:$redis_port"

# --- the sandbox (as `yarn sandbox` runs it) --------------------------------------
base=$(free_range) || { say "no 7 free ports in a row in 7300-7396"; exit 1; }
start sandbox bash -c "cd packages/sandbox && exec node $root/node_modules/.bin/tsx src/cli.ts \
  --ports-base $base --deploy-delay-ms $deploy_delay"
wait_for sandbox "${pids[-1]}" 90 http_ok "http://127.0.0.1:$base/health" || exit 1
say "sandbox on 127.0.0.1:$base-$((base + 6))"

# --- the two replicas --------------------------------------------------------------
# Like `backstage-cli package start` (the same @backstage/cli-node transform), without its
# file watcher, from the root like the Dockerfile's CMD so the production config's paths hold.
transform=$(node -p "require.resolve('@backstage/cli-node/config/nodeTransform.cjs')")
export NODE_ENV=development # the guest sign-in (the test's user token) is for development
export POSTGRES_HOST=127.0.0.1 POSTGRES_PORT=$pg_port POSTGRES_USER=postgres POSTGRES_PASSWORD=trust
export REDIS_URL="redis://127.0.0.1:$redis_port"
# One after the other: Backstage creates each plugin's database and runs its migrations on
# first start, and two first starts at once race on creating the knex migration tables.
for r in a b; do
  port=$(free_port)
  node --import tsx packages/backend/replicas/writeReplicaConfig.ts --out "$run/app-config.replica-$r.yaml" \
    --port "$port" --sandbox-base "$base" --interval-minutes "$interval" >/dev/null
  # Three attempts: Node 20 can abort a start with ERR_INTERNAL_ASSERTION when the backend's
  # concurrent import()s race with require()s of the same module (nodejs/node#62432); the
  # failed attempt N's log is kept as replica-<r>.N.log.
  profile=()
  if [ "$r" = a ] && [ -n "${REPLICAS_CPU_PROF:-}" ]; then
    mkdir -p "$REPLICAS_CPU_PROF"
    export REPLICA_CPU_PROF_DIR
    REPLICA_CPU_PROF_DIR=$(cd "$REPLICAS_CPU_PROF" && pwd)
    profile=(--require "$root/packages/backend/replicas/cpuProfile.cjs")
  fi
  for attempt in 1 2 3; do
    start "replica-$r" node --enable-source-maps "${profile[@]}" --require "$transform" packages/backend/src/index.ts \
      --config app-config.yaml --config app-config.production.yaml --config "$run/app-config.replica-$r.yaml"
    if wait_for "replica-$r" "${pids[-1]}" 300 http_ok "http://127.0.0.1:$port/.backstage/health/v1/readiness"; then
      break
    fi
    kill -KILL -- "-${pids[-1]}" 2>/dev/null || true
    if [ "$attempt" = 3 ] || ! grep -q ERR_INTERNAL_ASSERTION "$run/replica-$r.log"; then exit 1; fi
    mv "$run/replica-$r.log" "$run/replica-$r.$attempt.log"
    say "replica $r hit the Node.js loader race at start (log in replica-$r.$attempt.log); starting it again"
  done
  declare "port_$r=$port" "pid_$r=${pids[-1]}"
  say "replica $r on http://127.0.0.1:$port (pid ${pids[-1]})"
done

export REPLICA_A_URL="http://127.0.0.1:$port_a" REPLICA_B_URL="http://127.0.0.1:$port_b"
export REPLICA_A_LOG="$run/replica-a.log" REPLICA_B_LOG="$run/replica-b.log"
export REPLICA_A_PID="$pid_a" REPLICA_B_PID="$pid_b"
export SANDBOX_CONTROL_URL="http://127.0.0.1:$base"
export SANDBOX_DEPLOY_JENKINS_URL="http://127.0.0.1:$((base + 2))"
export SANDBOX_GITHUB_URL="http://127.0.0.1:$((base + 5))"
export REPLICAS_PG_URL="postgresql://postgres@127.0.0.1:$pg_port"
export REPLICAS_INTERVAL_MINUTES="$interval"

if (($#)); then
  say "running: $*"
  "$@"
else
  say "up; Ctrl-C stops everything"
  wait "${pids[@]}"
fi
