#!/usr/bin/env bash
# The performance harness (issue 9). Generates configs at run time (never committed), times
# whole processes over several runs and prints min and median wall time, peak RSS, MB/s and
# ms per MB above the start-up of a small lint (flat from small to large = linear scaling), and, in the same run, the ratio to
# `nginx -t` (and to crossplane's parse, when installed) on the very same nginx files.
#
#   bench/bench.sh                      Momentum 1k 10k 100k domains; nginx 1k 10k 20k servers
#                                       (nginx.conf including sites/*.conf, 100 servers a file, and a snippet in each server)
#   MOMENTUM="1000 100000" NGINX="20000" RUNS=5 bench/bench.sh   (NGINX="" leaves nginx out)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
limitc="$here/../bin/limitc"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# the package build records the class-data archive bin/limitc starts with (pom.xml)
[ "$here/../target/limitc.jsa" -nt "$here/../target/limitc.jar" ] || (cd "$here/.." && mvn -q -DskipTests package)
runs=${RUNS:-3}

# measure NAME BYTES CMD...: min/median wall ms and the median run's peak RSS
measure() {
  local name=$1 bytes=$2; shift 2
  local times=() rss=()
  for _ in $(seq "$runs"); do
    local s=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$work/rss" "$@" >/dev/null 2>&1 || true
    times+=($(( ($(date +%s%N) - s) / 1000000 )))
    rss+=("$(tail -1 "$work/rss")")
  done
  python3 - "$name" "$bytes" "${times[*]}" "${rss[*]}" <<'PY'
import sys, statistics
name, size, times, rss = sys.argv[1], int(sys.argv[2]), list(map(int, sys.argv[3].split())), list(map(int, sys.argv[4].split()))
order = sorted(range(len(times)), key=lambda i: times[i])
med = order[len(order) // 2]
mb = size / 1e6
import os
start = int(os.environ.get("START_MS", "0"))
limitc = "nginx -t" not in name and "crossplane" not in name
per_mb = f"{(min(times) - start) / mb:7.1f}" if start and limitc and mb >= 0.05 else "      -"
print(f"{name:<34} {mb:7.1f} MB  min {min(times):6d} ms  median {times[med]:6d} ms  "
      f"{mb / (min(times) / 1000):6.1f} MB/s  {per_mb} ms/MB over start-up  rss {rss[med] // 1024:5d} MB")
PY
  echo "${times[*]}" | tr ' ' '\n' | sort -n | head -1 > "$work/last_min"
}


echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), runs per figure: $runs"
f="$work/small.conf"
printf 'Max_Outbound_Connections = 32\nOutbound_Throttle_Messages = "100/60"\n' > "$f"
for i in $(seq 8); do
  printf 'Binding "b%d" {\n  Bind_Address = "10.0.0.%d"\n  Domain "d%d.example.com" { Max_Outbound_Connections = %d }\n}\n' "$i" "$i" "$i" "$i" >> "$f"
done
# a compile is timed only if the runtime accepts what it wrote (the 20k-server files' snippet of
# limit_conn lines, included in every server, once compiled to a file the runtime refused)
loads() {
  "$limitc" check-compiled "$1" >/dev/null || { echo "the runtime refuses $1" >&2; exit 1; }
}
measure "small ($(wc -l < "$f") lines): lint" "$(wc -c < "$f")" "$limitc" lint "$f"
export START_MS=$(cat "$work/last_min") # start-up, subtracted for ms/MB: the scaling figure
for n in ${MOMENTUM-1000 10000 100000}; do
  f="$work/momentum-$n.conf"
  python3 "$here/gen-momentum.py" "$n" "$f"
  bytes=$(wc -c < "$f")
  measure "momentum $n domains: lint" "$bytes" "$limitc" lint --format short "$f"
  measure "momentum $n domains: compile" "$bytes" "$limitc" compile "$f" -o "$work/out.json"
  loads "$work/out.json"
done
for n in ${NGINX-1000 10000 20000}; do
  f="$work/nginx-$n/nginx.conf"
  mkdir -p "$work/nginx-$n"
  python3 "$here/gen-nginx.py" "$n" "$f"
  bytes=$(find "$work/nginx-$n" -name '*.conf' -exec cat {} + | wc -c) # with the files it includes
  measure "nginx $n servers: limitc lint" "$bytes" "$limitc" lint --format short "$f"
  lint_ms=$(cat "$work/last_min")
  measure "nginx $n servers: limitc compile" "$bytes" "$limitc" compile "$f" -o "$work/out.json"
  loads "$work/out.json"
  if command -v nginx >/dev/null; then
    measure "nginx $n servers: nginx -t" "$bytes" nginx -t -q -p "$work/nginx-$n/" -c "$f" -e stderr
    python3 -c "import sys; print(f'    limitc lint / nginx -t = {int(sys.argv[1]) / max(1, int(sys.argv[2])):.2f}  (target 0.5)')" \
        "$lint_ms" "$(cat "$work/last_min")"
  fi
  if command -v crossplane >/dev/null; then
    measure "nginx $n servers: crossplane parse" "$bytes" crossplane parse "$f"
    python3 -c "import sys; print(f'    crossplane parse / limitc lint = {int(sys.argv[1]) / max(1, int(sys.argv[2])):.2f}  (target 10)')" \
        "$(cat "$work/last_min")" "$lint_ms"
  fi
done
