#!/usr/bin/env bash
# JMH benchmarks (not part of `mvn test`). Usage: bench/jmh.sh [REGEX | memory]
#   bench/jmh.sh AcquireBenchmark     acquire+release, 1 and 8 threads
#   bench/jmh.sh ParseBenchmark       parse time of generated 100k-domain Momentum / 20k-server nginx files
#   bench/jmh.sh memory               heap bytes per tracked key (1 million keys)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -Pjmh -DskipTests package test-compile
mvn -q -Pjmh dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh.classpath
cp="target/test-classes:target/classes:$(cat target/jmh.classpath)"
(cd testdata/ecelerity/example-site && java -jar ../../../target/limitc.jar compile ecelerity.conf -o ../../../target/bench-site.json)
[ -f target/bench-momentum.conf ] || python3 bench/gen-momentum.py 100000 target/bench-momentum.conf
[ -f target/bench-nginx.conf ] || python3 bench/gen-nginx.py 20000 target/bench-nginx.conf
echo "momentum: $(du -m target/bench-momentum.conf | cut -f1) MB, nginx: $(du -m target/bench-nginx.conf | cut -f1) MB"
if [ "${1:-}" = memory ]; then
  exec java -Xmx4g -cp "$cp" io.limitc.runtime.MemoryPerKey 1000000
fi
exec java -cp "$cp" org.openjdk.jmh.Main "${1:-.*}"
