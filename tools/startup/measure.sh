#!/usr/bin/env bash
# Cold start, side by side: from starting a process to the first GetItem result on its stdout, then to its exit,
# with the CPU time and the peak memory (maximum resident set) it used, for
#   cli-*         the CLI, `Bookings.Cli --endpoint URL --json booking get 1051707_12345 01012345678`
#   repository-*  tools/startup/RepositoryGet: the same read through the generated BookingRepository, nothing else
#   context-*     tools/startup/ContextGet: the same read through the AWS SDK's DynamoDBContext
# each published Native AOT (-aot), trimmed + ReadyToRun (-trimmed) and framework-dependent (-fdd). ContextGet's
# Native AOT publish is attempted with warnings allowed: its warnings are counted and listed, and it is measured
# only if it publishes and reads the booking. Every program reads the same booking from one DynamoDB Local (started
# by the CLI's `local` command, so its own start-up is in no number). The variants run interleaved: one run of each
# per round, the order rotating, so that load from elsewhere falls on all of them alike; ratios are the medians of
# the per-round ratios. AWS_CA_BUNDLE is unset for all but one variant (see below).
#
#   tools/startup/measure.sh [RUNS]        RUNS timed rounds after one untimed run of each variant (default 20)
#   SKIP_PUBLISH=1 tools/startup/measure.sh     reuse what artifacts/startup holds
#
# Needs what the demo needs (the .NET 10 SDK, npm for the first build, Java 17+), clang and zlib1g-dev for Native
# AOT, and GNU time (/usr/bin/time, Debian package `time`). Results: docs/benchmarks.md (Cold start).
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/startup/cli-local.sh

runs="${1:-20}"
out=artifacts/startup
rid=linux-x64
[[ -x /usr/bin/time ]] || { echo "GNU time is needed: apt-get install -y time" >&2; exit 1; }

publish() { # NAME PROJECT [publish args...]: fails on any warning (each is an error anyway: TreatWarningsAsErrors)
  local name=$1 project=$2
  shift 2
  echo "publishing $name" >&2
  rm -rf "${out:?}/$name"
  dotnet publish "$project" -c Release -r "$rid" -o "$out/$name" "$@" >"$out/$name.publish.log" 2>&1 \
    || { cat "$out/$name.publish.log" >&2; exit 1; }
  if grep -E ': warning [A-Z]+[0-9]+' "$out/$name.publish.log" >&2; then
    echo "$name: the publish warned (above)" >&2
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
  publish cli-aot src/Bookings.Cli -p:PublishAot=true
  publish cli-trimmed src/Bookings.Cli --self-contained -p:PublishTrimmed=true # ReadyToRun by the CLI's own default
  publish repository-aot tools/startup/RepositoryGet -p:PublishAot=true
  publish repository-trimmed tools/startup/RepositoryGet --self-contained -p:PublishTrimmed=true -p:PublishReadyToRun=true
  publish context-trimmed tools/startup/ContextGet --self-contained -p:PublishTrimmed=true -p:PublishReadyToRun=true
  build cli-fdd src/Bookings.Cli
  build repository-fdd tools/startup/RepositoryGet
  build context-fdd tools/startup/ContextGet

  # DynamoDBContext under Native AOT: warnings allowed (not errors) so that they can be counted.
  echo "publishing context-aot (warnings allowed)" >&2
  rm -rf "${out:?}/context-aot"
  if dotnet publish tools/startup/ContextGet -c Release -r "$rid" -o "$out/context-aot" -p:PublishAot=true \
    -p:TreatWarningsAsErrors=false -p:TrimmerSingleWarn=false >"$out/context-aot.publish.log" 2>&1; then
    echo published >"$out/context-aot.status"
  else
    echo "did not publish" >"$out/context-aot.status"
  fi
fi

# AWS_CA_BUNDLE names a PEM file of CA certificates the SDK should trust instead of the system's. AWSSDK.Core 4.1
# reads and parses it when a process creates its first client, even for an http:// endpoint: with the system trust
# store (about 140 certificates) that is some 30 ms of CPU and 2.5 MiB per process on this machine kind. Machines here
# set it for every process; a service pays for it only where it is set. So the variants run without it, and
# repository-aot-ca-bundle runs the Native AOT repository program with it, to show its cost.
ca_bundle=${AWS_CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}
unset AWS_CA_BUNDLE

# One DynamoDB Local for every run, started by the Native AOT CLI itself, with the tables and one booking in it.
trap stop_cli_local EXIT
start_cli_local "$out/cli-aot/Bookings.Cli" "$out/local.log"
endpoint=$cli_local_endpoint
"$out/cli-aot/Bookings.Cli" --endpoint "$endpoint" booking create 1051707_12345 01012345678 \
  --name "Kim Soo" --time "2025-10-20 14:30:00" >/dev/null

declare -A command=(
  [cli-aot]="$out/cli-aot/Bookings.Cli --endpoint $endpoint --json booking get 1051707_12345 01012345678"
  [cli-trimmed]="$out/cli-trimmed/Bookings.Cli --endpoint $endpoint --json booking get 1051707_12345 01012345678"
  [cli-fdd]="$out/cli-fdd/Bookings.Cli --endpoint $endpoint --json booking get 1051707_12345 01012345678"
  [repository-aot]="$out/repository-aot/RepositoryGet $endpoint 1051707_12345 01012345678"
  [repository-trimmed]="$out/repository-trimmed/RepositoryGet $endpoint 1051707_12345 01012345678"
  [repository-fdd]="$out/repository-fdd/RepositoryGet $endpoint 1051707_12345 01012345678"
  [context-aot]="$out/context-aot/ContextGet $endpoint 1051707_12345 010-1234-5678"
  [context-trimmed]="$out/context-trimmed/ContextGet $endpoint 1051707_12345 010-1234-5678"
  [context-fdd]="$out/context-fdd/ContextGet $endpoint 1051707_12345 010-1234-5678"
  [repository-aot-ca-bundle]="env AWS_CA_BUNDLE=$ca_bundle $out/repository-aot/RepositoryGet $endpoint 1051707_12345 01012345678"
)
order=(cli-aot cli-trimmed cli-fdd repository-aot repository-trimmed repository-fdd context-aot context-trimmed context-fdd)
if [[ -f "$ca_bundle" ]]; then order+=(repository-aot-ca-bundle); fi

# What the DynamoDBContext Native AOT publish gave: its warnings, and whether the binary reads the booking.
context_aot=$(cat "$out/context-aot.status" 2>/dev/null || echo "not attempted")
context_aot_warnings=$(grep -oE ': warning [A-Z]+[0-9]+' "$out/context-aot.publish.log" 2>/dev/null | sort | uniq -c | awk '{ printf "%s%s %s", sep, $1, $4; sep = ", " }' || true)
if [[ "$context_aot" == published ]]; then
  if first=$(${command[context-aot]} 2>"$out/context-aot.run.err" | head -n1) && [[ "$first" == *'"booking_num":"1051707_12345"'* ]]; then
    context_aot="published, reads the booking"
  else
    context_aot="published, but does not read the booking: $(tail -n 3 "$out/context-aot.run.err" | tr '\n' ' ')"
  fi
fi
if [[ "$context_aot" != "published, reads the booking" ]]; then
  order=("${order[@]/context-aot/}")
fi
read -r -a order <<<"${order[*]}"

# Prints "FIRST_MS EXIT_MS CPU_MS PEAK_MIB" for one run: start → first stdout line, start → process exit, the CPU
# time (user + system) the process used, and its maximum resident set.
time_run() {
  local t0 t1 t2 line stats_file user system peak
  stats_file=$(mktemp)
  t0=$EPOCHREALTIME
  { IFS= read -r line; t1=$EPOCHREALTIME; cat >/dev/null; } < <(/usr/bin/time -f "%U %S %M" -o "$stats_file" $1 2>/dev/null)
  wait $! 2>/dev/null || true
  t2=$EPOCHREALTIME
  read -r user system peak <"$stats_file"
  rm -f "$stats_file"
  if [[ "$line" != *'"booking_num":"1051707_12345"'* ]]; then
    echo "unexpected first line from '$1': $line" >&2
    exit 1
  fi
  awk -v a="$t0" -v b="$t1" -v c="$t2" -v u="$user" -v s="$system" -v m="$peak" \
    'BEGIN { printf "%.1f %.1f %.0f %.1f\n", (b - a) * 1000, (c - a) * 1000, (u + s) * 1000, m / 1024 }'
}

echo
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(free -g | awk '/Mem:/ { print $2 }') GiB;" \
  "$(uname -sr); .NET SDK $(dotnet --version); $(java -version 2>&1 | head -n1); DynamoDB Local at $endpoint;" \
  "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "rounds: $runs, interleaved (one run of every variant per round, the order rotating) after one untimed run of each"

declare -A requests
for name in "${order[@]}"; do
  cmd=${command[$name]}
  case "$name" in
    cli-*) requests[$name]=$($cmd --log-level Debug 2>&1 >/dev/null | grep -E 'DynamoDB [A-Za-z]+ on .* starting$' | grep -oE 'DynamoDB [A-Za-z]+ on' | awk '{ print $2 }' | paste -sd, -) ;;
    context-*) requests[$name]=$($cmd 2>&1 >/dev/null | sed -n 's/^requests: //p' | tr -d ' ') ;;
    *) requests[$name]=GetItem ;; # RepositoryGet sends exactly one GetItem (no logging configured)
  esac
  time_run "$cmd" >/dev/null # untimed: file cache
done

# Raw results, one line per run: ROUND VARIANT FIRST_MS EXIT_MS CPU_MS PEAK_MIB.
results="$out/runs.txt"
: >"$results"
for round in $(seq 1 "$runs"); do
  for i in "${!order[@]}"; do
    name=${order[$(((i + round) % ${#order[@]}))]}
    echo "$round $name $(time_run "${command[$name]}")" >>"$results"
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# The best publish of DynamoDBContext: the context variant with the lowest median time to the first result.
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) exit; printf "%.1f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column_of() { awk -v n="$1" -v c="$2" '$2 == n { print $c }' "$results"; }
best_context=$(for name in "${order[@]}"; do
  if [[ $name == context-* ]]; then echo "$(column_of "$name" 3 | median) $name"; fi
done | sort -n | head -n1 | awk '{ print $2 }')

echo
echo "| variant | requests sent | first result: median ms | min | max | process exit: median ms | CPU time: median ms | peak memory: median MiB |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for name in "${order[@]}"; do
  first=$(column_of "$name" 3)
  echo "| $name | ${requests[$name]} | $(median <<<"$first" | awk '{ printf "%.0f", $1 }') | $(sort -n <<<"$first" | head -n1 | awk '{ printf "%.0f", $1 }') | $(sort -n <<<"$first" | tail -n1 | awk '{ printf "%.0f", $1 }') |" \
    "$(column_of "$name" 4 | median | awk '{ printf "%.0f", $1 }') | $(column_of "$name" 5 | median | awk '{ printf "%.0f", $1 }') | $(column_of "$name" 6 | median) |"
done

# Per-round ratios of one variant to another, median over the rounds: "FIRST CPU PEAK".
ratios() {
  awk -v a="$1" -v b="$2" '
    $2 == a { fa[$1] = $3; ca[$1] = $5; ma[$1] = $6 }
    $2 == b { fb[$1] = $3; cb[$1] = $5; mb[$1] = $6 }
    END {
      for (r in fa) if (r in fb) { n++; f[n] = fa[r] / fb[r]; c[n] = (cb[r] > 0 ? ca[r] / cb[r] : 0); m[n] = ma[r] / mb[r] }
      printf "%.2f %.2f %.2f\n", med(f, n), med(c, n), med(m, n)
    }
    function med(x, n,   i, j, t) {
      for (i = 2; i <= n; i++) { t = x[i]; for (j = i - 1; j >= 1 && x[j] > t; j--) x[j + 1] = x[j]; x[j + 1] = t }
      return (n % 2) ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2
    }' "$results"
}

echo
echo "Ratios, median of the per-round ratios (first result, CPU time, peak memory):"
for pair in "$best_context repository-aot" "context-trimmed repository-aot" "context-trimmed repository-trimmed" "context-fdd repository-fdd" "repository-trimmed repository-aot" "cli-trimmed cli-aot" "cli-fdd cli-aot" "cli-aot repository-aot" "repository-aot-ca-bundle repository-aot"; do
  read -r a b <<<"$pair"
  [[ " ${order[*]} " == *" $a "* && " ${order[*]} " == *" $b "* ]] || continue
  read -r f c m <<<"$(ratios "$a" "$b")"
  echo "- $a ÷ $b: ${f}× first result, ${c}× CPU, ${m}× peak memory"
done

repository_first=$(column_of repository-aot 3 | median)
read -r speedup _ memory <<<"$(ratios "$best_context" repository-aot)"
echo
echo "DynamoDBContext under Native AOT: $context_aot; warnings: ${context_aot_warnings:-none} (log: $out/context-aot.publish.log)."
echo "DynamoDBContext's best publish here: $best_context."
echo "Targets: repository-aot first result ≤ 40 ms median: ${repository_first} ms," \
  "$(awk -v v="$repository_first" 'BEGIN { print (v <= 40) ? "met" : "missed" }');" \
  "≥ 5× faster than $best_context: ${speedup}×, $(awk -v v="$speedup" 'BEGIN { print (v >= 5) ? "met" : "missed" }');" \
  "less memory: ${memory}× as much for $best_context, $(awk -v v="$memory" 'BEGIN { print (v > 1) ? "met" : "missed" }')."
echo "load average after: $load_after"
