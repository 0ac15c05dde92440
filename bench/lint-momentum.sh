#!/usr/bin/env bash
# Times `limitc lint` on generated Momentum configs of growing size (never committed:
# generated here). Usage: bench/lint-momentum.sh [N...]   (default 10000 100000)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -f "$here/../target/limitc.jar" ] || (cd "$here/.." && mvn -q -DskipTests package)
for n in "${@:-10000 100000}"; do
  for size in $n; do
    python3 "$here/gen-momentum.py" "$size" "$work/m$size.conf"
    bytes=$(wc -c < "$work/m$size.conf")
    best=""
    for run in 1 2 3; do
      start=$(date +%s%N)
      /usr/bin/time -f "%M" -o "$work/rss" "$here/../bin/limitc" lint --format short "$work/m$size.conf" > "$work/out" || true
      ms=$(( ($(date +%s%N) - start) / 1000000 ))
      if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; rss=$(cat "$work/rss"); fi
    done
    echo "stanzas=$size bytes=$bytes diagnostics=$(wc -l < "$work/out") best_of_3_ms=$best max_rss_kb=$rss"
  done
done
