#!/usr/bin/env bash
# Times `limitc lint` against `nginx -t` on the same generated nginx configs, in one run,
# and prints the ratio. Usage: bench/lint-vs-nginx.sh [SERVERS...]  (default 1000 20000)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -f "$here/../target/limitc.jar" ] || (cd "$here/.." && mvn -q -DskipTests package)
best() { # best wall-clock ms of 3 runs of the command
  local b=""
  for _ in 1 2 3; do
    local s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; local ms=$(( ($(date +%s%N) - s) / 1000000 ))
    if [ -z "$b" ] || [ "$ms" -lt "$b" ]; then b=$ms; fi
  done
  echo "$b"
}
for n in "${@:-1000 20000}"; do
  for servers in $n; do
    python3 "$here/gen-nginx.py" "$servers" "$work/nginx.conf"
    lines=$(wc -l < "$work/nginx.conf")
    l=$(best "$here/../bin/limitc" lint --format short "$work/nginx.conf")
    g=$(best nginx -t -q -p "$work/" -c "$work/nginx.conf" -e stderr)
    echo "servers=$servers lines=$lines limitc_ms=$l nginx_t_ms=$g ratio=$(python3 -c "print(round($l/$g, 2))")"
  done
done
