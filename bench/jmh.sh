#!/usr/bin/env bash
# JMH benchmarks (not part of `mvn test`). Usage: bench/jmh.sh [REGEX | memory]
#   bench/jmh.sh AcquireBenchmark     acquire+release, 1 and 8 threads
#   bench/jmh.sh ParseBenchmark       parse time of generated 100k-domain Momentum / 20k-server nginx files, warm
#   bench/jmh.sh parse                the same, warm (after 3 warm-up parses) and cold (first parse of 5 fresh JVMs), in MB/s
#   bench/jmh.sh LoadBenchmark        Limiter.load of the compiled 100k-domain file, warm and cold
#   bench/jmh.sh first-load [RUNS]    the same load as the first thing each of RUNS fresh JVMs does (default
#                                     flags, as a service starts; no JMH harness beside it): min and median
#   bench/jmh.sh memory               heap bytes per tracked key (1 million keys)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -Pjmh -DskipTests package test-compile
mvn -q -Pjmh dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh.classpath
cp="target/test-classes:target/classes:$(cat target/jmh.classpath)"
(cd testdata/ecelerity/example-site && java -jar ../../../target/limitc.jar compile ecelerity.conf -o ../../../target/bench-site.json)
[ -f target/bench-momentum.conf ] || python3 bench/gen-momentum.py 100000 target/bench-momentum.conf
[ -f target/bench-nginx/nginx.conf ] || { mkdir -p target/bench-nginx && python3 bench/gen-nginx.py 20000 target/bench-nginx/nginx.conf; }
[ -f target/bench-momentum.json ] || java -jar target/limitc.jar compile target/bench-momentum.conf -o target/bench-momentum.json
if [ "${1:-}" = parse ]; then
  # SingleShotTime in ms per parse: MB/s = size / (ms / 1000); the JVM flags are bin/limitc's
  flags="-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -XX:-UseAdaptiveSizePolicy -XX:InitialRAMPercentage=4 -XX:NewRatio=6 -XX:MaxNewSize=160m -XX:MaxTenuringThreshold=0 -Xss8m"
  # every file the configuration reads: the nginx one includes sites/*.conf and a snippet
  mb() { find "$@" -name '*.conf' -exec cat {} + | python3 -c "import sys; print(round(len(sys.stdin.buffer.read()) / 1e6, 2))"; }
  echo "momentum: $(mb target/bench-momentum.conf) MB, nginx: $(mb target/bench-nginx) MB"
  echo "== warm (3 warm-up parses, 5 measured, 1 fork; full tiered JIT, as a long-running JVM has)"
  java -cp "$cp" org.openjdk.jmh.Main ParseBenchmark -jvmArgs "-XX:+UseSerialGC -Xss8m" -rf csv -rff target/jmh-warm.csv | tail -4
  echo "== cold (no warm-up: the first parse in each of 5 fresh JVMs, with bin/limitc's JVM flags)"
  java -cp "$cp" org.openjdk.jmh.Main ParseBenchmark -jvmArgs "$flags" -wi 0 -i 1 -f 5 -rf csv -rff target/jmh-cold.csv | tail -4
  python3 - "$(mb target/bench-momentum.conf)" "$(mb target/bench-nginx)" <<'PY'
import csv, sys
size = {"momentum": float(sys.argv[1]), "nginx": float(sys.argv[2])}
for mode in ("warm", "cold"):
    for row in csv.DictReader(open(f"target/jmh-{mode}.csv")):
        name = row["Benchmark"].rsplit(".", 1)[1]
        ms = float(row["Score"])
        print(f"{mode} {name}: {ms:.0f} ms per parse, {size[name] / (ms / 1000):.1f} MB/s")
PY
  exit 0
fi
if [ "${1:-}" = first-load ]; then
  python3 - "${2:-10}" "target/limitc.jar:target/test-classes" target/bench-momentum.json <<'PY'
import re, statistics, subprocess, sys
runs, cp, file = int(sys.argv[1]), sys.argv[2], sys.argv[3]
ms = []
for _ in range(runs):
    out = subprocess.run(["java", "-cp", cp, "io.limitc.runtime.FirstLoad", file], capture_output=True, text=True, check=True).stdout
    ms.append(int(re.search(r"load (\d+) ms", out).group(1)))
print(f"first Limiter.load in a fresh JVM, {runs} JVMs: min {min(ms)} ms, median {statistics.median(ms):.0f} ms  (target 300)")
PY
  exit 0
fi
if [ "${1:-}" = memory ]; then
  exec java -Xmx4g -cp "$cp" io.limitc.runtime.MemoryPerKey 1000000
fi
exec java -cp "$cp" org.openjdk.jmh.Main "${1:-.*}"
