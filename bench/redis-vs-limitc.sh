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
bench_rps() { redis-benchmark -p "$port" -c "$clients" -n 200000 -q "$@" | tr '\r' '\n' | grep -oE '[0-9.]+ requests per second' | tail -1 | cut -d' ' -f1; }
rps=$(bench_rps evalsha "$sha" 0)
# a shared machine drifts: each limitc run is compared with redis-benchmark run just before and
# just after it (their mean), not with one measured a minute earlier
# the same C client running limitc's own acquire script (one key, cap never reached): the
# ceiling Redis's side of an acquisition leaves, whatever the client
acquire=$(sed -n '/String ACQUIRE = """/,/""";/p' "$here/../src/main/java/io/limitc/runtime/redis/RedisStore.java" | sed '1d;$d;s/^            //')
[ -n "$acquire" ] || { echo "cannot find the ACQUIRE script in RedisStore.java" >&2; exit 1; }
acquire_sha=$(redis-cli -p "$port" script load "$acquire")
acquire_rps=$(bench_rps evalsha "$acquire_sha" 1 "limitc:bench:ceiling" lease-1 60000 1 100000000)
redis-cli -p "$port" del limitc:bench:ceiling >/dev/null
echo "redis-benchmark EVALSHA (trivial script), $clients clients: $rps requests per second"
echo "redis-benchmark EVALSHA of limitc's acquire script, $clients clients: $acquire_rps requests per second"
# commandstats around each limitc run; the bench reports its warm-up operations too, so the
# calls per operation are exact. Each acquire-script run calls TIME once (release never does).
stat() { redis-cli -p "$port" info commandstats | grep -oE "cmdstat_$1:calls=[0-9]+" | cut -d= -f2 || echo 0; }
# blocking: CLIENTS threads each waiting for its acquisition; async: CLIENTS acquisitions in
# flight through Limiter.acquireAsync, no thread waiting (redis-benchmark's own way)
for mode in blocking async; do
  flag=""; [ "$mode" = async ] && flag="--async"
  before=$(bench_rps evalsha "$sha" 0)
  evalsha0=$(stat evalsha); time0=$(stat time)
  out=$(java ${LIMITC_BENCH_JAVA_OPTS:-} -jar "$here/../target/limitc.jar" bench "$work/out.json" --redis "redis://127.0.0.1:$port" \
    --clients "$clients" --duration "$seconds" --warmup "${LIMITC_BENCH_WARMUP:-8}" --path a,bench.example $flag)
  evalsha1=$(stat evalsha); time1=$(stat time)
  after=$(bench_rps evalsha "$sha" 0)
  rps=$(python3 -c "print(($before + $after) / 2)")
  echo "== limitc bench, $mode (redis-benchmark trivial EVALSHA just before: $before/s, just after: $after/s)"
  echo "$out" | head -3
  ops=$(echo "$out" | sed -n 1p | grep -oE '[0-9,]+ acquire\+release' | tr -d ', a-z+')
  measured=$(echo "$out" | sed -n 1p | grep -oE '\(([0-9,]+) operations' | tr -d '(, a-z')
  granted=$(echo "$out" | sed -n 1p | grep -oE '[0-9,]+ granted' | tr -d ', a-z')
  warmup=$(echo "$out" | sed -n 2p | grep -oE '[0-9,]+ operations' | tr -d ', a-z')
  python3 - "$mode" "$ops" "$rps" "$evalsha0" "$evalsha1" "$time0" "$time1" "$measured" "$warmup" "$granted" <<'PY'
import sys
mode = sys.argv[1]
ops, rps, e0, e1, t0, t1, measured, warmup, granted = map(float, sys.argv[2:])
total = measured + warmup
if granted != measured:
    print(f"note: {measured - granted:,.0f} acquisitions were refused (no release for those)")
print(f"limitc acquire+release ({mode}): {ops:,.0f}/s = {ops / rps * 100:.0f}% of redis-benchmark's EVALSHA requests/s"
      f" (mean of the runs around it)")
print(f"EVALSHA per acquire: {(t1 - t0) / total:.2f}; per acquire+release: {(e1 - e0) / total:.2f}"
      f" ({e1 - e0:,.0f} calls for {total:,.0f} operations, warm-up included)")
PY
done
