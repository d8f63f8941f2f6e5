#!/usr/bin/env bash
# First-request latency: the time from starting a process to the first GetItem result on its stdout, for the
# trimmed CLI (`booking get --json`) and for small programs doing the same read through the generated repository
# (RepositoryGet) and through the AWS SDK's DynamoDBContext (ContextGet, with and without DescribeTable).
# Everything reads the same booking from one DynamoDB Local, so only start-up and the first request differ.
#
#   tools/startup/measure.sh [RUNS]        RUNS timed runs per variant after one untimed warm-up (default 10)
#
# Needs what the demo needs (the .NET 10 SDK, Node.js/npm for the first build, Java 17+). Publishes into
# artifacts/startup/ (git-ignored); set SKIP_PUBLISH=1 to reuse what is there. Results: docs/trimming.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs="${1:-10}"
out=artifacts/startup
rid=linux-x64

publish() { # NAME PROJECT [extra publish args...]
  local name=$1 project=$2
  shift 2
  echo "publishing $name" >&2
  dotnet publish "$project" -c Release -r "$rid" --self-contained -p:PublishTrimmed=true -o "$out/$name" "$@" >"$out/$name.publish.log" 2>&1 \
    || { cat "$out/$name.publish.log" >&2; exit 1; }
  if grep -E "warning (IL|NETSDK)" "$out/$name.publish.log" >&2; then
    echo "$name: the trimmed publish warned (above)" >&2
    exit 1
  fi
}

build() { # NAME PROJECT: framework-dependent Release build (JIT plus the shared framework's ReadyToRun code)
  local name=$1 project=$2
  echo "building $name" >&2
  dotnet build "$project" -c Release -o "$out/$name" >"$out/$name.build.log" 2>&1 || { cat "$out/$name.build.log" >&2; exit 1; }
}

mkdir -p "$out"
if [[ "${SKIP_PUBLISH:-}" != 1 ]]; then
  # Exactly the documented command (docs/trimming.md): trimmed, self-contained, ReadyToRun by the CLI's own default.
  publish cli-trimmed src/Bookings.Cli
  publish cli-trimmed-jit src/Bookings.Cli -p:PublishReadyToRun=false
  publish repository-trimmed tools/startup/RepositoryGet -p:PublishReadyToRun=true
  publish context-trimmed tools/startup/ContextGet -p:PublishReadyToRun=true
  build cli-fdd src/Bookings.Cli
  build repository-fdd tools/startup/RepositoryGet
  build context-fdd tools/startup/ContextGet
fi

# One DynamoDB Local for every run, started by the trimmed CLI itself, with the tables and one booking in it.
log="$out/local.log"
"$out/cli-trimmed/Bookings.Cli" local >"$log" 2>&1 &
local_pid=$!
trap 'kill "$local_pid" 2>/dev/null; wait "$local_pid" 2>/dev/null || true' EXIT
endpoint=""
for _ in $(seq 1 120); do
  endpoint=$(grep -oE 'running at http://[0-9.]+:[0-9]+/' "$log" | head -n1 | sed 's/running at //') || true
  [[ -n "$endpoint" ]] && break
  kill -0 "$local_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.5
done
[[ -n "$endpoint" ]] || { echo "DynamoDB Local did not start" >&2; cat "$log" >&2; exit 1; }
"$out/cli-trimmed/Bookings.Cli" --endpoint "$endpoint" booking create 1051707_12345 01012345678 \
  --name "Kim Soo" --time "2025-10-20 14:30:00" >/dev/null

declare -A command=(
  [cli-trimmed]="$out/cli-trimmed/Bookings.Cli --endpoint $endpoint --json booking get 1051707_12345 01012345678"
  [cli-trimmed-jit]="$out/cli-trimmed-jit/Bookings.Cli --endpoint $endpoint --json booking get 1051707_12345 01012345678"
  [cli-fdd]="$out/cli-fdd/Bookings.Cli --endpoint $endpoint --json booking get 1051707_12345 01012345678"
  [repository-trimmed]="$out/repository-trimmed/RepositoryGet $endpoint 1051707_12345 01012345678"
  [repository-fdd]="$out/repository-fdd/RepositoryGet $endpoint 1051707_12345 01012345678"
  [context-trimmed]="$out/context-trimmed/ContextGet $endpoint 1051707_12345 010-1234-5678"
  [context-trimmed-describe]="$out/context-trimmed/ContextGet $endpoint 1051707_12345 010-1234-5678 --fetch-metadata"
  [context-fdd]="$out/context-fdd/ContextGet $endpoint 1051707_12345 010-1234-5678"
  [context-fdd-describe]="$out/context-fdd/ContextGet $endpoint 1051707_12345 010-1234-5678 --fetch-metadata"
)
order=(cli-trimmed cli-trimmed-jit cli-fdd repository-trimmed repository-fdd context-trimmed context-trimmed-describe context-fdd context-fdd-describe)

# Prints "FIRST_MS EXIT_MS CPU_MS" for one run: start → first stdout line, start → process exit, and the CPU time
# (user + system) the process used, which depends much less than wall time on what else the machine is running.
time_run() {
  local t0 t1 t2 line cpu_file user system
  cpu_file=$(mktemp)
  t0=$EPOCHREALTIME
  { IFS= read -r line; t1=$EPOCHREALTIME; cat >/dev/null; } < <(/usr/bin/time -f "%U %S" -o "$cpu_file" $1 2>/dev/null)
  wait $! 2>/dev/null || true
  t2=$EPOCHREALTIME
  read -r user system <"$cpu_file"
  rm -f "$cpu_file"
  if [[ "$line" != *'"booking_num":"1051707_12345"'* ]]; then
    echo "unexpected first line from '$1': $line" >&2
    exit 1
  fi
  awk -v a="$t0" -v b="$t1" -v c="$t2" -v u="$user" -v s="$system" \
    'BEGIN { printf "%.1f %.1f %.0f\n", (b - a) * 1000, (c - a) * 1000, (u + s) * 1000 }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.0f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minimum() { sort -n | head -n1 | awk '{ printf "%.0f", $1 }'; }
maximum() { sort -n | tail -n1 | awk '{ printf "%.0f", $1 }'; }

echo
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(free -g | awk '/Mem:/ { print $2 }') GiB;" \
  "$(uname -sr); .NET SDK $(dotnet --version); $(java -version 2>&1 | head -n1); DynamoDB Local at $endpoint;" \
  "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "runs per variant: $runs, interleaved (one run of every variant per round) after one untimed warm-up each; times in ms"

declare -A requests firsts exits cpus
for name in "${order[@]}"; do
  cmd=${command[$name]}
  case "$name" in
    cli-*) requests[$name]=$($cmd --log-level Debug 2>&1 >/dev/null | grep -E 'DynamoDB [A-Za-z]+ on .* starting$' | grep -oE 'DynamoDB [A-Za-z]+ on' | awk '{ print $2 }' | paste -sd, -) ;;
    context-*) requests[$name]=$($cmd 2>&1 >/dev/null | sed -n 's/^requests: //p' | tr -d ' ') ;;
    *) requests[$name]=GetItem ;; # RepositoryGet sends exactly one GetItem (no logging configured)
  esac
  time_run "$cmd" >/dev/null # warm-up: file cache
done

# Rounds of one run per variant, so a burst of load from elsewhere hits every variant alike.
for _ in $(seq 1 "$runs"); do
  for name in "${order[@]}"; do
    result=$(time_run "${command[$name]}")
    read -r first exit_ms cpu <<<"$result"
    firsts[$name]+="$first "
    exits[$name]+="$exit_ms "
    cpus[$name]+="$cpu "
  done
done

echo
echo "| variant | requests sent | first result: median | min | max | process exit: median | CPU time: median |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
for name in "${order[@]}"; do
  f=$(tr ' ' '\n' <<<"${firsts[$name]}" | grep .)
  echo "| $name | ${requests[$name]} | $(median <<<"$f") | $(minimum <<<"$f") | $(maximum <<<"$f") |" \
    "$(tr ' ' '\n' <<<"${exits[$name]}" | grep . | median) | $(tr ' ' '\n' <<<"${cpus[$name]}" | grep . | median) |"
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
