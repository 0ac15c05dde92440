#!/usr/bin/env bash
# limitc lint against nginx -t on the same generated nginx files, run alternately (one, then the
# other, RUNS times) so that the drift of a shared machine hits both alike; prints min and median
# of each and their ratios. Usage: bench/lint-vs-nginx.sh [SERVERS] [RUNS]   (default 20000 10)
# crossplane's parse joins the rotation when `crossplane` is on PATH, or CROSSPLANE names the
# command (e.g. CROSSPLANE="python3 -m crossplane" with PYTHONPATH set); it runs every
# CROSSPLANE_EVERY-th round (default 3: it takes about ten times as long).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
servers="${1:-20000}"; runs="${2:-10}"
command -v nginx >/dev/null || { echo "nginx is not installed" >&2; exit 1; }
[ "$here/../target/limitc.jsa" -nt "$here/../target/limitc.jar" ] || (cd "$here/.." && mvn -q -DskipTests package)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/gen-nginx.py" "$servers" "$work/nginx.conf"
crossplane="${CROSSPLANE:-$(command -v crossplane || true)}"
python3 - "$here/../bin/limitc" "$work" "$runs" "$crossplane" "${CROSSPLANE_EVERY:-3}" <<'PY'
import shlex, statistics, subprocess, sys, time
limitc, work, runs, crossplane, every = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
commands = {"limitc lint": [limitc, "lint", "--format", "short", work + "/nginx.conf"],
            "nginx -t": ["nginx", "-t", "-q", "-p", work + "/", "-c", work + "/nginx.conf", "-e", "stderr"]}
if crossplane:
    commands["crossplane"] = shlex.split(crossplane) + ["parse", work + "/nginx.conf", "-o", "/dev/null"]
times = {name: [] for name in commands}
for run in range(runs):
    for name, command in commands.items():
        if name == "crossplane" and run % every:
            continue
        start = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times[name].append(time.perf_counter() - start)
        if done.returncode != 0:
            sys.exit(f"{name} failed: {done.stderr.decode(errors='replace')}")
for name, t in times.items():
    print(f"{name:<12} min {min(t):.3f} s  median {statistics.median(t):.3f} s")
lint, nginx = times["limitc lint"], times["nginx -t"]
print(f"limitc lint / nginx -t: {min(lint) / min(nginx):.2f} (best runs), "
      f"{statistics.median(lint) / statistics.median(nginx):.2f} (medians)  (target 0.5)")
if crossplane:
    cp = times["crossplane"]
    print(f"crossplane parse / limitc lint: {min(cp) / min(lint):.1f} (best runs), "
          f"{statistics.median(cp) / statistics.median(lint):.1f} (medians)  (target 10)")
PY
