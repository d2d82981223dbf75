#!/usr/bin/env bash
# Builds the libFuzzer harness (Fuzz/, with AddressSanitizer) and runs one parser's target, or all
# of them one after another, for SECONDS each. Exits non-zero on the first crash, hang or leak and
# prints the crashing input's path. See docs/security.md, "Fuzzing and sanitizers".
#
#   scripts/fuzz.sh TARGET SECONDS      e.g. scripts/fuzz.sh json 600
#   scripts/fuzz.sh all SECONDS
#   scripts/fuzz.sh list
#
# The corpus grows under Fuzz/.build/fuzz/corpus/TARGET and is kept between runs; crashers go to
# Fuzz/.build/fuzz/crashes/TARGET/. Seeds come from Tests/Fixtures and Fuzz/Seeds/TARGET.
# Extra libFuzzer flags can be passed in FUZZ_FLAGS (e.g. FUZZ_FLAGS=-jobs=2).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

targets=(json jsonl metric-table mlflow-metric tensorboard-file tensorboard-event wandb-log wandb-record
         markdown selector column-spec digest)

usage() { echo "usage: scripts/fuzz.sh TARGET|all SECONDS   (targets: ${targets[*]})" >&2; exit 2; }
[ "${1:-}" = list ] && { printf '%s\n' "${targets[@]}"; exit 0; }
[ $# -eq 2 ] || usage
target=$1 seconds=$2
[[ $seconds =~ ^[0-9]+$ ]] || usage
if [ "$target" != all ] && [[ ! " ${targets[*]} " =~ " $target " ]]; then usage; fi

# -sanitize=fuzzer links libFuzzer; main.swift hands control to it through LLVMFuzzerRunDriver.
(cd Fuzz && swift build -c debug -Xswiftc -sanitize=fuzzer,address 2>&1 | tail -3)
binary=$(cd Fuzz && swift build -c debug -Xswiftc -sanitize=fuzzer,address --show-bin-path)/runsite-fuzz
work=$root/Fuzz/.build/fuzz

# Small files from the fixtures whose names match, for a target's first corpus.
fixtures() {
    local pattern
    for pattern in "$@"; do
        find Tests/Fixtures examples -type f -path "$pattern" -size -32k 2>/dev/null
    done | sort | awk "NR <= 40"
}

seed_files() {
    case $1 in
        json) fixtures '*.json' ;;
        jsonl) fixtures '*.jsonl' ;;
        metric-table) fixtures '*.csv' '*.tsv' ;;
        mlflow-metric) fixtures '*/mlruns/*/metrics/*' ;;
        tensorboard-file) fixtures '*events.out.tfevents*' ;;
        wandb-log) fixtures '*.wandb' ;;
        markdown) fixtures '*.md' ;;
    esac
    [ -d "Fuzz/Seeds/$1" ] && find "Fuzz/Seeds/$1" -type f
    return 0
}

run_one() {
    local name=$1 corpus=$work/corpus/$1 crashes=$work/crashes/$1/ log=$work/logs/$1.log
    mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
    seed_files "$name" | while read -r seed; do
        cp "$seed" "$corpus/seed-$(echo "$seed" | cksum | cut -d' ' -f1)"
    done
    echo "fuzz: $name for ${seconds}s ($(find "$corpus" -type f | wc -l) inputs in the corpus)"
    local status=0
    # Leak checking is off: the Swift runtime and Foundation keep caches for the whole process.
    # Swift's own crash backtracer is off: AddressSanitizer reports its reads of the stack.
    # shellcheck disable=SC2086
    SWIFT_BACKTRACE=enable=no RUNSITE_FUZZ_TARGET=$name "$binary" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
        -detect_leaks=0 -artifact_prefix="$crashes" -print_final_stats=1 ${FUZZ_FLAGS:-} >"$log" 2>&1 || status=$?
    grep -E '^stat::number_of_executed_units|^Done ' "$log" | sed "s/^/fuzz: $name: /" || true
    if [ $status -ne 0 ]; then
        tail -n 40 "$log" >&2
        local crasher
        crasher=$(grep -oE "Test unit written to [^ ]+" "$log" | tail -n 1 | cut -d' ' -f5)
        echo "fuzz: $name FAILED (exit $status); crasher: ${crasher:-none written}; log: $log" >&2
        echo "fuzz: reproduce with RUNSITE_FUZZ_TARGET=$name $binary ${crasher:-}" >&2
        return 1
    fi
}

if [ "$target" = all ]; then
    for name in "${targets[@]}"; do run_one "$name"; done
else
    run_one "$target"
fi
