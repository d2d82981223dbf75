#!/usr/bin/env bash
# Times incremental rebuilds (target 5 of docs/performance.md) on a corpus made by `runsite-bench generate`
# (with its tensorboard, mlflow and lightning copies): a full build, a rebuild with nothing changed,
# a rebuild after one new run was added to the TensorBoard project, and one after a new run was
# added to each of the three projects. Medians of REPEAT.
#
# usage: scripts/bench-incremental.sh CORPUS [WORKDIR]     e.g. scripts/bench-incremental.sh /tmp/runsite-bench/M
# env:   RUNSITE  the binary (default .build/release/runsite);  REPEAT (default 3)
#
# The corpus is not changed: the new runs go into a hard-linked copy in WORKDIR (default
# CORPUS-incr). Each new run is a copy of the project's last run under the next name (the
# MLflow one with a new id and a start time 10 minutes after the last run's).
set -euo pipefail

CORPUS=$(cd "$1" && pwd)
WORK=${2:-$CORPUS-incr}
REPEAT=${REPEAT:-3}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNSITE=${RUNSITE:-$REPO/.build/release/runsite}
export RUNSITE_HOME=${RUNSITE_HOME:-$REPO}

[[ -d $WORK ]] || cp -al "$CORPUS" "$WORK"
NEW=$WORK.new
rm -rf "$NEW" && mkdir -p "$NEW"

# The new runs, made once beside the copy.
tb_last=$(ls -d "$WORK"/tensorboard/run-[0-9]* | sort -V | tail -1)
cp -r "$tb_last" "$NEW/tb-run"
experiment=$(ls -d "$WORK"/mlflow/mlruns/[0-9]* | sort | tail -1)
ml_last=$(ls -d "$experiment"/*/ | grep -v '/models/' | sort | tail -1)
ml_last=${ml_last%/}
old_id=$(basename "$ml_last")
new_id=$(printf '%032x' $((16#${old_id: -12} + 1)))
cp -r "$ml_last" "$NEW/$new_id"
start=$(sed -n 's/^start_time: //p' "$ml_last/meta.yaml")
end=$(sed -n 's/^end_time: //p' "$ml_last/meta.yaml")
sed -i -e "s/$old_id/$new_id/g" -e "s/^start_time: .*/start_time: $((start + 600000))/" \
    -e "s/^end_time: .*/end_time: $((end + 600000))/" -e "s/^run_name: .*/run_name: run-new/" "$NEW/$new_id/meta.yaml"
printf 'run-new' >"$NEW/$new_id/tags/mlflow.runName"
csv_last=$(ls -d "$WORK"/lightning/lightning_logs/version_* | sort -V | tail -1)
csv_next=version_$(( ${csv_last##*_} + 1 ))
[[ ! -e $WORK/lightning/lightning_logs/$csv_next ]] || { echo "$csv_next exists already" >&2; exit 1; }
cp -r "$csv_last" "$NEW/$csv_next"

INPUTS=("$WORK/tensorboard" "$WORK/mlflow" "$WORK/lightning")
SITE=$WORK.site
add() {
    cp -r "$NEW/tb-run" "$WORK/tensorboard/run-new"
    cp -r "$NEW/$new_id" "$experiment/$new_id"
    cp -r "$NEW/$csv_next" "$WORK/lightning/lightning_logs/$csv_next"
}
remove() { rm -rf "$WORK/tensorboard/run-new" "${experiment:?}/$new_id" "$WORK/lightning/lightning_logs/$csv_next"; }

declare -A WALL CPU
timed() { # label, then build arguments: records wall and CPU (user + system) seconds
    local label=$1 out
    shift
    out=$( { /usr/bin/time -f "%e %U %S" "$RUNSITE" build -q "${INPUTS[@]}" --out "$SITE" "$@" >/dev/null; } 2>&1 | tail -1)
    read -r wall user sys <<<"$out"
    WALL[$label]+="$wall "
    CPU[$label]+="$(echo "$user + $sys" | bc) "
}
median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

remove
for ((i = 1; i <= REPEAT; i++)); do timed full --no-incremental; done
for ((i = 1; i <= REPEAT; i++)); do timed unchanged; done
for ((i = 1; i <= REPEAT; i++)); do
    remove
    "$RUNSITE" build -q "${INPUTS[@]}" --out "$SITE"
    add
    timed added
done
for ((i = 1; i <= REPEAT; i++)); do
    remove
    "$RUNSITE" build -q "${INPUTS[@]}" --out "$SITE"
    cp -r "$NEW/tb-run" "$WORK/tensorboard/run-new"
    timed one
done
remove

full_wall=$(median "${WALL[full]}") full_cpu=$(median "${CPU[full]}")
echo "incremental rebuilds of $CORPUS (medians of $REPEAT; CPU = user + system)"
printf '%-34s %9s %9s %9s %9s\n' "" "wall s" "CPU s" "% wall" "% CPU"
for label in full unchanged one added; do
    w=$(median "${WALL[$label]}") c=$(median "${CPU[$label]}")
    name=$label
    [[ $label == added ]] && name="one new run in each project"
    [[ $label == one ]] && name="one new run (TensorBoard project)"
    [[ $label == full ]] && name="full build (--no-incremental)"
    [[ $label == unchanged ]] && name="nothing changed"
    printf '%-34s %9s %9s %8.1f%% %8.1f%%\n' "$name" "$w" "$c" "$(echo "100 * $w / $full_wall" | bc -l)" "$(echo "100 * $c / $full_cpu" | bc -l)"
done
