# Sourced by .ci/run and tools/startup/measure.sh: starts `BINARY local` (the CLI's own DynamoDB Local, in memory,
# tables created) in the background and waits for the endpoint it prints.
#
#   start_cli_local BINARY LOG     sets cli_local_pid and cli_local_endpoint; returns non-zero if it did not start
#   stop_cli_local                 stops it (the process started here, by its id)
start_cli_local() {
  local binary=$1 log=$2
  cli_local_endpoint=""
  "$binary" local >"$log" 2>&1 &
  cli_local_pid=$!
  for _ in $(seq 1 240); do
    cli_local_endpoint=$(grep -oE 'running at http://[0-9.]+:[0-9]+/' "$log" | head -n1 | sed 's/running at //') || true
    [[ -n "$cli_local_endpoint" ]] && return 0
    kill -0 "$cli_local_pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "DynamoDB Local did not start ($binary local); its output:" >&2
  cat "$log" >&2
  return 1
}

stop_cli_local() {
  if [[ -n "${cli_local_pid:-}" ]]; then
    kill "$cli_local_pid" 2>/dev/null || true
    wait "$cli_local_pid" 2>/dev/null || true
    cli_local_pid=""
  fi
}
