#!/usr/bin/env bash
# Instructions per connection through the session layer (bench/sessionWork.ts), from callgrind:
# repeatable under load, unlike wall-clock rates. Counting starts after a warm-up, when the
# harness says READY, and covers N connections (client and server side, all threads).
#
#   bench/count-instructions.sh BACKEND [N]     (run `npm run build` first)
#   WORK=bulkWork bench/count-instructions.sh BACKEND [MIB]   (bench/bulkWork.ts: N MiB over loopback)
set -euo pipefail
backend=${1:?usage: count-instructions.sh BACKEND [N]}
count=${2:-50}
work=${WORK:-sessionWork}
cd "$(dirname "$0")/.."
log=$(mktemp)
go="$log.go"
trap 'rm -f "$log" "$go"' EXIT
valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="${CALLGRIND_OUT:-/dev/null}" \
  node --predictable bench/dist/$work.js "$backend" "$count" --mark "$go" >"$log" 2>&1 &
pid=$!
until grep -q READY "$log"; do
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log" >&2; exit 1; fi
  sleep 1
done
callgrind_control -i on "$pid" >/dev/null 2>&1
touch "$go"
wait "$pid"
total=$(grep -o 'Collected : [0-9]*' "$log" | grep -o '[0-9]*$')
if [ "$work" = bulkWork ]; then unit=MiB units=MiB; else unit=connection units=connections; fi
echo "$backend: $count $units, $total instructions, $((total / count)) per $unit"
