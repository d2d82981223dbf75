#!/usr/bin/env bash
# Writes the "hostile sizes" inputs of docs/performance.md (modest files that are huge in one
# dimension: many classes, keys, metrics or runs, or one very long line), builds a site from each
# with the release binary under `/usr/bin/time -v`, and prints peak RSS, wall time, exit status, warnings and the site's size.
#
# usage: scripts/hostile-sizes.sh [CASE...]     env: RUNSITE (default .build/release/runsite), WORK, RUNS, KEEP
# cases: matrix-1000 matrix-5000 wandb-keys csv-header jsonl-names runs
#        (default: all; RUNS sets the run count of `runs`, default 50000; KEEP=1 keeps inputs and sites)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNSITE=${RUNSITE:-$REPO/.build/release/runsite}
WORK=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/runsite-hostile.XXXXXX")}
RUNS=${RUNS:-50000}
export RUNSITE_HOME=${RUNSITE_HOME:-$REPO}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1790000000}
[[ -x $RUNSITE ]] || { echo "no release binary at $RUNSITE: run swift build -c release" >&2; exit 1; }
cases=("$@")
[[ ${#cases[@]} -gt 0 ]] || cases=(matrix-1000 matrix-5000 wandb-keys csv-header jsonl-names runs)

# One run folder in runsite's format with a confusion matrix of N classes (N² cells, all "1").
matrix() {
    local dir=$1 n=$2
    mkdir -p "$dir/p/r/confusion"
    echo '{"name": "r"}' >"$dir/p/r/runsite.json"
    python3 - "$dir/p/r/confusion/big.json" "$n" <<'EOF'
import sys
path, n = sys.argv[1], int(sys.argv[2])
row = "[" + ",".join(["1"] * n) + "]"
with open(path, "w") as f:
    f.write('{"labels": [' + ",".join('"c%d"' % i for i in range(n)) + '], "matrix": [')
    f.write(",".join([row] * n))
    f.write("]}")
EOF
}

# A W&B offline run whose run record's config and one history row each hold 40,000 keys.
wandb_keys() {
    local dir=$1/wandb/offline-run-20261201_000000-hostile1
    mkdir -p "$dir"
    python3 - "$dir/run-hostile1.wandb" <<'EOF'
import sys, zlib
def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F; n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n: return bytes(out)
def field(number, payload):
    return varint(number << 3 | 2) + varint(len(payload)) + payload
def item(key, json):
    return field(1, key.encode()) + field(16, json.encode())
keys = 40000
config = b"".join(field(1, item("k%d" % i, str(i))) for i in range(keys))
run = field(17, field(1, b"hostile1") + field(3, b"p") + field(4, config) + field(8, b"hostile"))
row = field(1, item("_step", "0")) + b"".join(field(1, item("m%d" % i, "%d.5" % i)) for i in range(keys))
history = field(2, row)
out = bytearray(b":W&B\xe1\xbe\x00")
BLOCK = 32768
for record in (run, history):
    left, first = record, True
    while True:
        space = BLOCK - len(out) % BLOCK
        if space < 7:
            out += b"\0" * space; space = BLOCK
        part, left = left[:space - 7], left[space - 7:]
        kind = (1 if first else 4) if not left else (2 if first else 3)
        data = bytes([kind]) + part
        out += zlib.crc32(data).to_bytes(4, "little") + len(part).to_bytes(2, "little") + bytes([kind]) + part
        first = False
        if not left: break
open(sys.argv[1], "wb").write(out)
EOF
}

# A Lightning CSV whose metrics.csv is one 200 MB header line.
csv_header() {
    local dir=$1/lightning_logs/version_0
    mkdir -p "$dir"
    echo "lr: 0.1" >"$dir/hparams.yaml"
    python3 - "$dir/metrics.csv" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    f.write("step,epoch")
    chunk = "".join(",m%d" % i for i in range(100000))
    while f.tell() < 200 * 1024 * 1024:
        f.write(chunk)
    f.write("\n")
EOF
}

# A run whose metrics.jsonl is one 100 KB line naming 5,000 metrics.
jsonl_names() {
    mkdir -p "$1/p/r"
    echo '{"name": "r"}' >"$1/p/r/runsite.json"
    python3 -c 'import json; print(json.dumps({"step": 0, **{"metric_%05d" % i: i for i in range(5000)}}))' >"$1/p/r/metrics.jsonl"
}

# RUNS runs of runsite's format, one point each, in one project.
many_runs() {
    python3 - "$1" "$RUNS" <<'EOF'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    d = os.path.join(root, "p", "r%06d" % i)
    os.makedirs(d)
    open(os.path.join(d, "runsite.json"), "w").write('{"name": "r%d"}' % i)
    open(os.path.join(d, "metrics.jsonl"), "w").write('{"step": 0, "loss": %d}\n' % i)
EOF
}

printf '%-12s %10s %10s %6s %9s %8s %10s\n' case input peak_rss wall exit warnings site
for name in "${cases[@]}"; do
    input=$WORK/$name/input site=$WORK/$name/site
    rm -rf "$WORK/$name"; mkdir -p "$input"
    case $name in
        matrix-1000) matrix "$input" 1000 ;;
        matrix-5000) matrix "$input" 5000 ;;
        wandb-keys) wandb_keys "$input" ;;
        csv-header) csv_header "$input" ;;
        jsonl-names) jsonl_names "$input" ;;
        runs) many_runs "$input" ;;
        *) echo "unknown case $name" >&2; exit 2 ;;
    esac
    set +e
    /usr/bin/time -v "$RUNSITE" build "$input" --out "$site" >"$WORK/$name/stdout" 2>"$WORK/$name/stderr"
    status=$?
    set -e
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f MB", $2 / 1024}' "$WORK/$name/stderr")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/$name/stderr")
    warnings=$(grep -c ': warning: ' "$WORK/$name/stderr" || true)
    sitesize=$( [[ -d $site ]] && echo "$(du -sm "$site" | cut -f1) MB/$(find "$site" -type f | wc -l) files" || echo none)
    printf '%-12s %10s %10s %6s %9s %8s %10s\n' "$name" "$(du -sm "$input" | cut -f1) MB" "$rss" "$wall" "$status" "$warnings" "$sitesize"
    [[ -n ${KEEP:-} ]] || rm -rf "$input" "$site"
done
echo "logs in $WORK"
