#!/usr/bin/env bash
# CI smoke check of the benchmark tools: generate the tiny corpus (every format) and run
# `runsite-bench run` once in each mode. It asserts that they work and read every run, never how fast.
#
# usage: scripts/bench-smoke.sh [WORKDIR]     env: RUNSITE_BENCH (default: swift run -q runsite-bench)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${1:-$(mktemp -d "${TMPDIR:-/tmp}/runsite-bench-smoke.XXXXXX")}
if [[ -n ${RUNSITE_BENCH:-} ]]; then
    BENCH=($RUNSITE_BENCH)
else
    BENCH=(swift run -q --package-path "$REPO" runsite-bench)
fi
export RUNSITE_HOME=${RUNSITE_HOME:-$REPO}
trap 'rm -rf "$WORK/corpus" "$WORK/site"' EXIT

fail() { echo "bench smoke: FAILED: $*" >&2; exit 1; }

"${BENCH[@]}" generate --size tiny --out "$WORK/corpus" >/dev/null || fail "generate"
copies=("$WORK/corpus/runsite" "$WORK/corpus/tensorboard" "$WORK/corpus/mlflow" "$WORK/corpus/lightning")
for mode in summary build; do
    out=$("${BENCH[@]}" run "${copies[@]}" --mode "$mode" --repeat 1 --out "$WORK/site") || fail "run --mode $mode"
    echo "$out"
    # tiny: 3 runs × 2 metrics × 200 steps, written in 4 formats
    grep -q "runs 12, points 4800, " <<<"$out" || fail "run --mode $mode did not read 12 runs and 4800 points"
    grep -q "diagnostics 0$" <<<"$out" || fail "run --mode $mode printed diagnostics"
    # Linux builds link jemalloc (Package.swift); a build that silently fell back to glibc's
    # malloc would keep running, with L's peak memory growing again.
    if [[ $(uname -s) == Linux ]]; then
        grep -q "allocator jemalloc, decay 500/0 ms$" <<<"$out" || fail "runsite-bench does not allocate with jemalloc at runsite's decay times"
    fi
done
[[ -f $WORK/site/index.html ]] || fail "build mode wrote no index.html"
echo "bench smoke: ok"
