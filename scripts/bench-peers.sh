#!/usr/bin/env bash
# Runs runsite and its peers side by side on one generated corpus and prints a table of medians.
#
# usage: scripts/bench-peers.sh [SIZE] [WORKDIR]      SIZE: tiny, S (default), M or L
#                                                      WORKDIR: default /tmp/runsite-bench
# env:   RUNSITE, RUNSITE_BENCH  binaries to use (default .build/release/*, built if missing)
#        REPEAT                  repetitions per tool (default 3; the median is reported)
#        PEERS                   which peers to run (default: tb_event_accumulator tbparse mlflow_client pandas_matplotlib)
#        KEEP_CORPUS=1           keep WORKDIR/SIZE afterwards (default: kept; set KEEP_CORPUS=0 to delete)
#
# Python peers install into WORKDIR/venv (created here, from PyPI); a peer whose package cannot be
# installed is skipped with a message. See docs/performance.md for the figures and what they mean.
set -euo pipefail

SIZE=${1:-S}
WORK=${2:-/tmp/runsite-bench}
REPEAT=${REPEAT:-3}
PEERS=${PEERS:-tb_event_accumulator tbparse mlflow_client pandas_matplotlib}
KEEP_CORPUS=${KEEP_CORPUS:-1}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SCRIPTS=$REPO/scripts
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
CORPUS=$WORK/$SIZE
LOG=$WORK/bench-$SIZE.log
: >"$LOG"

say() { echo "bench-peers: $*" >&2; }

# --- binaries -----------------------------------------------------------------------------------
if [[ -z ${RUNSITE:-} || -z ${RUNSITE_BENCH:-} ]]; then
    BIN=$REPO/.build/release
    if [[ ! -x $BIN/runsite || ! -x $BIN/runsite-bench ]]; then
        say "building release binaries (swift build -c release)"
        swift build -c release --package-path "$REPO" >&2
        BIN=$(swift build -c release --package-path "$REPO" --show-bin-path)
    fi
    RUNSITE=${RUNSITE:-$BIN/runsite}
    RUNSITE_BENCH=${RUNSITE_BENCH:-$BIN/runsite-bench}
fi
export RUNSITE_HOME=${RUNSITE_HOME:-$REPO}   # templates and assets, wherever the binary lives

# --- corpus -------------------------------------------------------------------------------------
if [[ ! -f $CORPUS/.complete ]]; then
    rm -rf "$CORPUS"
    say "generating the $SIZE corpus in $CORPUS"
    $RUNSITE_BENCH generate --size "$SIZE" --out "$CORPUS" --formats tensorboard,mlflow,csv >&2
    touch "$CORPUS/.complete"
fi
# runsite-bench builds before the fix wrote all-digit MLflow run ids unquoted, which YAML reads as
# integers and MLflow's client rejects; quote them as MLflow itself does.
find "$CORPUS/mlflow/mlruns" -mindepth 3 -maxdepth 3 -name meta.yaml \
    -exec sed -i -E "s/^(run_id|run_uuid): ([0-9a-f]+)$/\1: '\2'/" {} +
TB=$CORPUS/tensorboard
ML=$CORPUS/mlflow
CSV=$CORPUS/lightning

# --- peers' environment -------------------------------------------------------------------------
VENV=$WORK/venv
PY=$VENV/bin/python
if [[ ! -x $PY ]]; then
    say "creating $VENV"
    python3 -m venv "$VENV"
    "$PY" -m pip install -q --upgrade pip >&2 || true
fi
declare -A HAVE=()
for package in tensorboard tbparse mlflow pandas matplotlib; do
    module=$package
    if ! "$PY" -c "import $module" 2>/dev/null; then
        say "installing $package"
        "$PY" -m pip install -q "$package" >&2 || say "could not install $package"
    fi
    if "$PY" -c "import $module" 2>/dev/null; then HAVE[$package]=1; fi
done
peer_ok() { # peer name -> 0 when its packages are installed
    case $1 in
    tb_event_accumulator) [[ -n ${HAVE[tensorboard]:-} ]] ;;
    tbparse) [[ -n ${HAVE[tbparse]:-} && -n ${HAVE[tensorboard]:-} ]] ;;
    mlflow_client) [[ -n ${HAVE[mlflow]:-} ]] ;;
    pandas_matplotlib) [[ -n ${HAVE[pandas]:-} && -n ${HAVE[matplotlib]:-} ]] ;;
    esac
}
wants() { [[ " $PEERS " == *" $1 "* ]]; }

# --- the floor ----------------------------------------------------------------------------------
FLOOR=$WORK/floor
cc -O2 -o "$FLOOR" "$SCRIPTS/floor.c"

# --- measuring ----------------------------------------------------------------------------------
TIMER=()
if /usr/bin/time -f %M true >/dev/null 2>&1; then
    TIMER=(/usr/bin/time -f "%M %U %S" -o "$WORK/rss")
else
    say "no GNU time (apt-get install -y time): no CPU times, and peak RSS for the Python peers only"
fi

ROWS=()           # "key|tool|copy"
declare -A WALL=() CPU=() RSS=()

calc() { awk "BEGIN { printf \"${2:-%.6f}\\n\", $1 }"; }
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

# measure KEY TOOL COPY COMMAND... : runs COMMAND $REPEAT times, records the medians of wall s,
# CPU s (user + system, all threads) and peak RSS MB
# Each build writes a new site ({i} is the repetition), as a CI job does, and the sites are deleted
# only when the script ends: on ext4, files created within a minute of many deletions wait while
# the kernel skips the inodes just freed, so back-to-back rebuilds into one folder vary by ±30 %
# (docs/performance.md, "ext4 on this VM").
SITES=$WORK/sites-$$
trap 'rm -rf "$SITES"' EXIT

measure() {
    local key=$1 tool=$2 copy=$3
    shift 3
    local walls=() cpus=() rsss=() i t0 t1 rss user sys logged
    for ((i = 1; i <= REPEAT; i++)); do
        rm -f "$WORK/rss"
        logged=$(wc -l <"$LOG")
        t0=$(date +%s.%N)
        if ! "${TIMER[@]}" "${@//\{i\}/$i}" >"$WORK/out" 2>>"$LOG"; then
            say "$tool on $copy failed (see $LOG)"
            return 1
        fi
        t1=$(date +%s.%N)
        walls+=("$(calc "$t1 - $t0")")
        if [[ -s $WORK/rss ]]; then
            read -r rss user sys < <(tail -1 "$WORK/rss")
            rsss+=("$(calc "$rss / 1024" %.1f)")
            cpus+=("$(calc "$user + $sys" %.2f)")
        else # no /usr/bin/time: the Python peers report their own peak RSS
            rss=$(tail -n +$((logged + 1)) "$LOG" | grep -o 'peak_rss_mb=[0-9.]*' | tail -1 | cut -d= -f2 || true)
            rsss+=("${rss:-nan}")
            cpus+=(nan)
        fi
    done
    WALL[$key]=$(median "${walls[@]}")
    RSS[$key]=$(median "${rsss[@]}")
    CPU[$key]=$(median "${cpus[@]}")
    ROWS+=("$key|$tool|$copy")
    say "$(printf '%-34s %-22s wall %8.3f s (runs: %s) cpu %s s (runs: %s) peak RSS %s MB' "$tool" "$copy" "${WALL[$key]}" "$(printf '%.3f ' "${walls[@]}")" "${CPU[$key]}" "${cpus[*]}" "${RSS[$key]}")"
}

say "warming the page cache"
"$FLOOR" "$TB" "$ML" "$CSV" >/dev/null

# TensorBoard copy
measure floor_tb "floor (C read+count)" tensorboard "$FLOOR" "$TB"
measure rs_tb "runsite export summary" tensorboard "$RUNSITE" export summary -q "$TB"
cp "$WORK/out" "$WORK/runsite-summary-tb.json"
if wants tb_event_accumulator; then
    if peer_ok tb_event_accumulator; then
        measure ea_tb "TB EventAccumulator" tensorboard "$PY" "$SCRIPTS/peers/tb_event_accumulator.py" "$TB" --dump "$WORK/peer-tb.json" || true
    else say "skipping EventAccumulator: tensorboard is not installed"; fi
fi
if wants tbparse; then
    if peer_ok tbparse; then
        measure tbparse_tb "tbparse SummaryReader" tensorboard "$PY" "$SCRIPTS/peers/tbparse_peer.py" "$TB" || true
    else say "skipping tbparse: not installed"; fi
fi

# MLflow copy
measure floor_ml "floor (C read+count)" mlflow "$FLOOR" "$ML"
measure rs_ml "runsite export summary" mlflow "$RUNSITE" export summary -q "$ML"
cp "$WORK/out" "$WORK/runsite-summary-mlflow.json"
if wants mlflow_client; then
    if peer_ok mlflow_client; then
        measure mlc_ml "MLflow client" mlflow env MLFLOW_ALLOW_FILE_STORE=true "$PY" "$SCRIPTS/peers/mlflow_client.py" "$ML/mlruns" --dump "$WORK/peer-mlflow.json" || true
    else say "skipping the MLflow client: mlflow is not installed"; fi
fi

# Lightning CSV copy: charts
measure floor_csv "floor (C read+count)" lightning-csv "$FLOOR" "$CSV"
measure rs_csv "runsite build" lightning-csv "$RUNSITE" build -q --no-incremental "$CSV" --out "$SITES/csv-{i}"
if wants pandas_matplotlib; then
    if peer_ok pandas_matplotlib; then
        rm -rf "$WORK/svg"
        measure pm_csv "pandas + matplotlib SVGs" lightning-csv "$PY" "$SCRIPTS/peers/pandas_matplotlib.py" "$CSV" "$WORK/svg" || true
    else say "skipping pandas + matplotlib: not installed"; fi
fi

# Everything together: the full site
measure floor_all "floor (C read+count)" "tb+mlflow+csv" "$FLOOR" "$TB" "$ML" "$CSV"
measure rs_all "runsite build" "tb+mlflow+csv" "$RUNSITE" build -q --no-incremental "$TB" "$ML" "$CSV" --out "$SITES/all-{i}"

# --- numbers check ------------------------------------------------------------------------------
CHECKS=()
if [[ -f $WORK/peer-tb.json && -n ${WALL[ea_tb]:-} ]]; then
    CHECKS+=("tensorboard, $("$PY" "$SCRIPTS/peers/compare_summaries.py" "$WORK/runsite-summary-tb.json" "$WORK/peer-tb.json" | tail -1 || true)")
fi
if [[ -f $WORK/peer-mlflow.json && -n ${WALL[mlc_ml]:-} ]]; then
    CHECKS+=("mlflow, $("$PY" "$SCRIPTS/peers/compare_summaries.py" "$WORK/runsite-summary-mlflow.json" "$WORK/peer-mlflow.json" | tail -1 || true)")
fi

# --- the table ----------------------------------------------------------------------------------
runsite_key() { case $1 in *_tb) echo rs_tb ;; *_ml) echo rs_ml ;; *_csv) echo rs_csv ;; *_all) echo rs_all ;; esac; }
ratio() { calc "$1 / $2"; }
echo
echo "runsite-bench peers: size $SIZE, $(nproc) cores, medians of $REPEAT runs, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "corpus: $CORPUS ($(du -sh "$TB" | cut -f1) tensorboard, $(du -sh "$ML" | cut -f1) mlflow, $(du -sh "$CSV" | cut -f1) csv)"
echo
printf '| %-26s | %-14s | %9s | %8s | %11s | %-22s | %-22s |\n' tool "corpus copy" "wall s" "CPU s" "peak RSS MB" "wall vs runsite" "CPU vs runsite"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "----------------------------" "----------------" "----------:" "---------:" "------------:" "------------------------" "------------------------"
for row in "${ROWS[@]}"; do
    IFS='|' read -r key tool copy <<<"$row"
    rs=$(runsite_key "$key")
    vs=() # wall, then CPU
    for measure in WALL CPU; do
        declare -n m=$measure
        if [[ $key == rs_* ]]; then
            vs+=("1 (reference)")
        elif [[ ${m[$key]} == nan || ${m[$rs]} == nan ]] || ! awk "BEGIN { exit !(${m[$key]} > 0 && ${m[$rs]} > 0) }"; then
            vs+=("-")
        elif [[ $key == floor_* ]]; then
            vs+=("$(printf 'runsite = %.1fx floor' "$(ratio "${m[$rs]}" "${m[$key]}")")")
        else
            vs+=("$(printf '%.1fx slower' "$(ratio "${m[$key]}" "${m[$rs]}")")")
        fi
        unset -n m
    done
    printf '| %-26s | %-14s | %9.3f | %8s | %11s | %-22s | %-22s |\n' "$tool" "$copy" "${WALL[$key]}" "${CPU[$key]}" "${RSS[$key]}" "${vs[0]}" "${vs[1]}"
done
echo
for c in "${CHECKS[@]}"; do echo "$c"; done
echo
echo "targets:"
target() { # label value comparison limit
    local verdict=no
    if [[ $2 == nan ]]; then printf '  %-60s %10s\n' "$1" "not measured"; return; fi
    if [[ $(calc "($2 $3 $4) ? 1 : 0" %d) == 1 ]]; then verdict=yes; fi
    printf '  %-60s %10.1f  (%s %s)  %s\n' "$1" "$2" "$3" "$4" "$verdict"
}
[[ -n ${WALL[ea_tb]:-} ]] && target "export summary vs EventAccumulator, tensorboard (x faster)" "$(ratio "${WALL[ea_tb]}" "${WALL[rs_tb]}")" '>=' 100
[[ -n ${WALL[mlc_ml]:-} ]] && target "export summary vs MLflow client, mlflow (x faster)" "$(ratio "${WALL[mlc_ml]}" "${WALL[rs_ml]}")" '>=' 50
target "runsite build of all copies vs the floor (x)" "$(ratio "${WALL[rs_all]}" "${WALL[floor_all]}")" '<=' 8
target "peak RSS of the full build (MB)" "${RSS[rs_all]}" '<=' 300
echo
echo "log: $LOG"
if [[ $KEEP_CORPUS == 0 ]]; then rm -rf "$CORPUS" "$WORK/svg"; fi
