#!/usr/bin/env bash
# Builds each benchmark corpus and prints the published site's size (`du -s --apparent-size`, as
# hosting limits count), in all and for each copy of the runs, beside the build's time and peak memory.
#
# usage: scripts/site-sizes.sh [SIZE...]     (default: S M L 10K)
#   env: WORK (corpora, default /tmp/runsite-bench), OUT (sites, default /dev/shm), RUNSITE,
#        RUNSITE_BENCH (default .build/release/…), FLAGS (extra `runsite build` flags)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${WORK:-/tmp/runsite-bench}
OUT=${OUT:-/dev/shm}
RUNSITE=${RUNSITE:-$REPO/.build/release/runsite}
BENCH=${RUNSITE_BENCH:-$REPO/.build/release/runsite-bench}
[[ -x $RUNSITE && -x $BENCH ]] || swift build -c release --package-path "$REPO" >&2
sizes=("$@"); [[ ${#sizes[@]} -gt 0 ]] || sizes=(S M L 10K)

kib() { du -s --apparent-size --block-size=1K "$1" | cut -f1; }
for size in "${sizes[@]}"; do
    corpus=$WORK/$size
    formats=tensorboard,mlflow,csv
    [[ $size == 10K ]] && formats=runsite
    [[ -d $corpus ]] || "$BENCH" generate --size "$size" --formats "$formats" --out "$corpus" >&2
    site=$OUT/sizes-$size-site cache=$OUT/sizes-$size-cache
    rm -rf "$site" "$cache"
    stats=$( { /usr/bin/time -f "%e s, %M KB peak" "$RUNSITE" build -q "$corpus" --out "$site" --cache-dir "$cache" ${FLAGS:-} ; } 2>&1 | tail -1)
    printf '%s: logs %s KiB; site %s KiB (%s)\n' "$size" "$(kib "$corpus")" "$(kib "$site")" "$stats"
    for copy in "$site"/*/; do
        [[ $(basename "$copy") == assets ]] && continue
        printf '  %s: %s KiB\n' "$(basename "$copy")" "$(kib "$copy")"
    done
    printf '  largest page: %s\n' "$(find "$site" -name '*.html' -printf '%s %P\n' | sort -n | tail -1)"
    rm -rf "$site" "$cache"
done
