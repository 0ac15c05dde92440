#!/usr/bin/env bash
# Cluster-wide acquire+release through limitc against redis-benchmark running EVALSHA of a
# trivial script, same Redis, same concurrency, same run. Usage: bench/redis-vs-limitc.sh [CLIENTS] [SECONDS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
clients="${1:-8}"; seconds="${2:-5}"
work="$(mktemp -d)"; port=$((20000 + RANDOM % 20000))
redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
until redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.1; done
[ -f "$here/../target/limitc.jar" ] || (cd "$here/.." && mvn -q -DskipTests package)
cat > "$work/main.conf" <<'CONF'
cluster {
  Replicate "outbound_domains" {}
}
binding "a" {
  cluster_max_outbound_connections = 100000
}
CONF
"$here/../bin/limitc" compile "$work/main.conf" -o "$work/out.json"
sha=$(redis-cli -p "$port" script load "return 1")
rps=$(redis-benchmark -p "$port" -c "$clients" -n 200000 -q evalsha "$sha" 0 | tr '\r' '\n' | grep -oE '[0-9.]+ requests per second' | tail -1 | cut -d' ' -f1)
before=$(redis-cli -p "$port" info commandstats | grep -oE 'cmdstat_evalsha:calls=[0-9]+' | cut -d= -f2)
out=$(java ${LIMITC_BENCH_JAVA_OPTS:-} -jar "$here/../target/limitc.jar" bench "$work/out.json" --redis "redis://127.0.0.1:$port" --clients "$clients" --duration "$seconds" --path a,bench.example)
after=$(redis-cli -p "$port" info commandstats | grep -oE 'cmdstat_evalsha:calls=[0-9]+' | cut -d= -f2)
echo "$out" | head -2
ops=$(echo "$out" | head -1 | grep -oE '[0-9,]+ acquire\+release' | tr -d ', a-z+')
total=$(echo "$out" | head -1 | grep -oE '\(([0-9,]+) operations' | tr -d '(, a-z')
echo "redis-benchmark EVALSHA (trivial script), $clients clients: $rps requests per second"
python3 - "$ops" "$rps" "$before" "$after" "$total" <<'PY'
import sys
ops, rps, before, after, total = map(float, sys.argv[1:])
print(f"limitc acquire+release: {ops:,.0f}/s = {ops / rps * 100:.0f}% of one EVALSHA per request")
print(f"EVALSHA calls per acquire+release: {(after - before) / total:.2f} (one to acquire, one to release)")
PY
