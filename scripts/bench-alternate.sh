#!/usr/bin/env bash
# Alternates two measurements so that both see the same load: on a shared VM the same build drifts
# by 20 % within an hour, so a ratio is only fair between runs taken minutes apart.
#
# usage: scripts/bench-alternate.sh floor CORPUS OUTROOT [N]
#            the read-and-count floor of CORPUS's copies, then a full build of them (target 3)
#        scripts/bench-alternate.sh scale M-CORPUS L-CORPUS OUTROOT [N]
#            full builds of M and of L, alternated (target 6: time and peak RSS)
#
# A CORPUS is a folder made by `runsite-bench generate` (tensorboard/, mlflow/, lightning/).
# Sites and their build caches go to fresh folders under OUTROOT (use tmpfs, e.g. /dev/shm, to
# measure runsite rather than the disk; docs/performance.md, "ext4 on this VM"), removed
# afterwards. N defaults to 5.
# env: RUNSITE (default .build/release/runsite)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNSITE=${RUNSITE:-$REPO/.build/release/runsite}
export RUNSITE_HOME=${RUNSITE_HOME:-$REPO}
copies() { echo "$1/tensorboard" "$1/mlflow" "$1/lightning"; }
# One timed build of the given copies into a fresh folder: prints "wall cpu rss_mb".
build() {
    local out=$1; shift
    rm -rf "$out" "$out-cache"
    /usr/bin/time -f "%e %U %S %M" "$RUNSITE" build "$@" --out "$out" --cache-dir "$out-cache" --no-incremental --quiet 2>&1 | tail -1 \
        | awk '{printf "%.2f %.2f %.1f\n", $1, $2 + $3, $4 / 1024}'
    rm -rf "$out" "$out-cache"
}
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

case ${1:-} in
floor)
    corpus=$2; root=$3; n=${4:-5}
    floor=$root/runsite-floor
    cc -O2 -o "$floor" "$REPO/scripts/floor.c"
    "$floor" $(copies "$corpus") >/dev/null   # untimed: the input in the page cache, as for every run after
    ratios=()
    for i in $(seq "$n"); do
        f=$( { /usr/bin/time -f "%e" "$floor" $(copies "$corpus") >/dev/null; } 2>&1 | tail -1)
        read -r wall cpu rss < <(build "$root/runsite-alternate-site" $(copies "$corpus"))
        ratio=$(awk -v b="$wall" -v f="$f" 'BEGIN {printf "%.2f", b / f}')
        echo "floor $f s   build $wall s (cpu $cpu s, peak RSS $rss MB)   ratio $ratio"
        ratios+=("$ratio")
    done
    rm -f "$floor"
    echo "median ratio $(printf '%s\n' "${ratios[@]}" | median) (target: at most 5)"
    ;;
scale)
    m=$2; l=$3; root=$4; n=${5:-3}
    find -L $(copies "$m") $(copies "$l") -type f -exec cat {} + >/dev/null   # untimed: the inputs in the page cache
    times=(); rsss=()
    for i in $(seq "$n"); do
        read -r mw mc mr < <(build "$root/runsite-alternate-site" $(copies "$m"))
        read -r lw lc lr < <(build "$root/runsite-alternate-site" $(copies "$l"))
        echo "M $mw s (cpu $mc s, peak RSS $mr MB)   L $lw s (cpu $lc s, peak RSS $lr MB)"
        times+=("$mw $lw"); rsss+=("$mr $lr")
    done
    mt=$(printf '%s\n' "${times[@]}" | awk '{print $1}' | median); lt=$(printf '%s\n' "${times[@]}" | awk '{print $2}' | median)
    mr=$(printf '%s\n' "${rsss[@]}" | awk '{print $1}' | median); lr=$(printf '%s\n' "${rsss[@]}" | awk '{print $2}' | median)
    awk -v mt="$mt" -v lt="$lt" -v mr="$mr" -v lr="$lr" 'BEGIN {
        printf "medians: M %.2f s, L %.2f s: L/M time %.2f (target: at most 5.5)\n", mt, lt, lt / mt
        printf "         M %.1f MB, L %.1f MB: L/M peak RSS %.2f (target: at most 1.3)\n", mr, lr, lr / mr }'
    ;;
*)
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
    exit 64
    ;;
esac
