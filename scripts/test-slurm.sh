#!/usr/bin/env bash
# Proves docs/digests.md's Slurm recipe on a real Slurm: installs slurm-wlm and munge (Debian),
# starts a one-node cluster on this machine (munged, slurmctld, slurmd, all stopped on exit),
# writes a corpus of runs in four formats, submits the documented array job (one
# `runsite digest --only` task per run), builds the site from the digests in a job that depends on
# the array, and checks that it is byte-identical to a direct build of the same corpus.
#
# usage: scripts/test-slurm.sh [WORKDIR]     (as root: it installs packages and runs the daemons)
#        WORKDIR (new or empty; default: a temporary folder) holds the corpus, digests, sites, logs.
# env:   RUNSITE, RUNSITE_BENCH    binaries (default: .build/debug/, built if missing)
#        RUNS_PER_FORMAT           runs in each of the 4 formats (default 50: 200 runs)
#        SLURM_TEST_TIMEOUT        seconds to wait for the jobs (default 900)
#        KEEP=1                    keep the temporary WORKDIR after the test
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${1:-$(mktemp -d "${TMPDIR:-/tmp}/runsite-slurm.XXXXXX")}
[[ -n ${1:-} ]] && KEEP=1   # a folder given by name is kept
WORK=$(mkdir -p "$WORK" && cd "$WORK" && pwd)
[[ -z $(ls -A "$WORK") ]] || { echo "slurm test: FAILED: $WORK is not empty" >&2; exit 1; }
PER_FORMAT=${RUNS_PER_FORMAT:-50}
TIMEOUT=${SLURM_TEST_TIMEOUT:-900}
started=$SECONDS

fail() { echo "slurm test: FAILED: $*" >&2; exit 1; }
step() { echo "slurm test: $* ($((SECONDS - started)) s)"; }

[[ $(id -u) == 0 ]] || fail "run as root: it installs slurm-wlm and munge and runs the Slurm daemons as root"
command -v python3 >/dev/null || fail "python3 is needed (to pick free ports and compare manifest.json)"
mkdir -p "$WORK/log"
# The daemons started below are stopped on any exit; WORKDIR goes too unless KEEP=1.
pids=()
cleanup() {
    local status=$?
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    if ((status != 0)); then
        for log in "$WORK"/log/*.log; do
            [[ -f $log ]] && { echo "--- last lines of $log" >&2; tail -n 15 "$log" >&2; }
        done
    fi
    if [[ ${KEEP:-} == 1 ]]; then echo "slurm test: logs, digests and sites are in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 1. Packages ------------------------------------------------------------------------------
need=()
for pkg in slurm-wlm munge; do dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg"); done
if ((${#need[@]})); then
    step "installing ${need[*]}"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"; } \
        >"$WORK/log/apt.log" 2>&1 || fail "apt-get install ${need[*]}"
fi

# --- 2. runsite -------------------------------------------------------------------------------
RUNSITE=${RUNSITE:-$REPO/.build/debug/runsite}
RUNSITE_BENCH=${RUNSITE_BENCH:-$REPO/.build/debug/runsite-bench}
for product in runsite runsite-bench; do
    binary=$RUNSITE; [[ $product == runsite-bench ]] && binary=$RUNSITE_BENCH
    [[ -x $binary ]] || (cd "$REPO" && swift build -q --product "$product") || fail "swift build --product $product"
done
# The documented job script calls `runsite` by name; the jobs inherit this PATH (sbatch --export=ALL).
mkdir -p "$WORK/bin"
ln -sf "$(realpath "$RUNSITE")" "$WORK/bin/runsite"
export PATH="$WORK/bin:$PATH"
export RUNSITE_HOME=$REPO SOURCE_DATE_EPOCH=1764400000 XDG_CACHE_HOME=$WORK/cache

# --- 3. A one-node cluster --------------------------------------------------------------------
mkdir -p "$WORK"/{munge,state,spool}
chmod 700 "$WORK/munge"
mungekey --create --keyfile="$WORK/munge/munge.key" || fail "mungekey"
munged --foreground --force --socket="$WORK/munge/munge.socket" --key-file="$WORK/munge/munge.key" \
    --log-file="$WORK/log/munged.log" --pid-file="$WORK/munge/munged.pid" --seed-file="$WORK/munge/munged.seed" >"$WORK/log/munged.out" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [[ -S $WORK/munge/munge.socket ]] && break; sleep 0.1; done
munge --socket="$WORK/munge/munge.socket" --no-input | unmunge --socket="$WORK/munge/munge.socket" >/dev/null ||
    fail "munged does not answer on $WORK/munge/munge.socket"

# Two free TCP ports, so that a system Slurm on the default ports is left alone.
read -r ctld_port node_port < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')
host=$(hostname)
# slurmd -C prints this machine's NodeName line (CPUs, sockets, cores, RealMemory).
node=$(slurmd -C | head -n 1)
[[ $node == NodeName=* ]] || fail "slurmd -C printed no NodeName line"
export SLURM_CONF=$WORK/slurm.conf
# No cgroups, systemd or accounting database: Linux /proc process tracking and no task plugin, so
# the daemons run in an unprivileged container as well as on a host. Batch jobs start without
# Slurm's default delay of up to 3 s, which would otherwise pace a one-node array.
cat >"$SLURM_CONF" <<EOF
ClusterName=runsite-test
SlurmctldHost=$host
SlurmctldPort=$ctld_port
SlurmdPort=$node_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$WORK/munge/munge.socket
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
SlurmctldLogFile=$WORK/log/slurmctld.log
SlurmdLogFile=$WORK/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SwitchType=switch/none
MpiDefault=none
MailProg=/bin/true
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SchedulerParameters=batch_sched_delay=0
ReturnToService=2
$node State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -D -f "$SLURM_CONF" >"$WORK/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >"$WORK/log/slurmd.out" 2>&1 &
pids+=($!)
state=""
for _ in $(seq 60); do
    state=$(sinfo --noheader --format=%T 2>/dev/null || true)
    [[ $state == idle ]] && break
    sleep 1
done
[[ $state == idle ]] || fail "the node is not idle after 60 s (sinfo says '${state:-nothing}')"
step "cluster up: $node"

# --- 4. A corpus in four formats --------------------------------------------------------------
"$RUNSITE_BENCH" generate --size S --runs "$PER_FORMAT" --out "$WORK/corpus" >"$WORK/log/generate.log" 2>&1 ||
    fail "runsite-bench generate: $(tail -n 5 "$WORK/log/generate.log")"
corpus=$WORK/corpus
# One run folder per line, for every format in the corpus (as docs/digests.md lists them).
{
    find "$corpus" -name runsite.json -printf '%h\n'
    find "$corpus" -name 'events.out.tfevents.*' -printf '%h\n'
    find "$corpus" -path '*/mlruns/*/*/meta.yaml' -printf '%h\n'
    find "$corpus" -name hparams.yaml -printf '%h\n'
} | sort -u >"$WORK/runs.txt"
runs=$(wc -l <"$WORK/runs.txt")
((runs == 4 * PER_FORMAT)) || fail "listed $runs run folders, expected $((4 * PER_FORMAT))"
step "corpus: $runs runs (runsite, TensorBoard, MLflow, Lightning CSV)"

# --- 5. The documented array job --------------------------------------------------------------
# The job script is taken from docs/digests.md, so that the test runs what the documentation shows;
# only the placeholder folders are replaced.
awk '/^### Slurm array job/ {inside = 1} inside && /^```/ {if (block) exit; block = 1; next} block' \
    "$REPO/docs/digests.md" >"$WORK/digest.sbatch"
grep -q -- '--only "$run"' "$WORK/digest.sbatch" || fail "no Slurm job script found in docs/digests.md"
sed -i -e "s|/data/exp|$corpus|g" -e "s|/data/digests|$WORK/digests|g" "$WORK/digest.sbatch"
unset RUNS   # the job script reads $RUNS, else runs.txt in the submission folder
cd "$WORK"
array_started=$SECONDS
jobid=$(sbatch --parsable --array=0-$((runs - 1))%100 --output="$WORK/log/task-%A_%a.out" digest.sbatch) ||
    fail "sbatch of the array job"
jobid=${jobid%%;*}
# The build waits for the whole array (afterok, as documented).
buildid=$(sbatch --parsable --dependency=afterok:"$jobid" --output="$WORK/log/build.out" \
    --wrap "runsite build --from-digests $WORK/digests --out $WORK/site-digests --quiet") || fail "sbatch of the build job"
buildid=${buildid%%;*}
# squeue every second rather than sbatch --wait, which polls ever more slowly (up to 32 s apart).
while [[ -n $(squeue --noheader --jobs="$jobid,$buildid" 2>/dev/null) ]]; do
    if [[ $(squeue --noheader --jobs="$buildid" --format=%r 2>/dev/null) == DependencyNeverSatisfied ]]; then
        scancel "$buildid"
        failed=$(grep -l . "$WORK"/log/task-*.out | head -n 3 | xargs -r tail -n 2)
        fail "array tasks of job $jobid failed, so the build never ran; first failures:
$failed"
    fi
    ((SECONDS - array_started < TIMEOUT)) ||
        fail "jobs $jobid and $buildid still queued after $TIMEOUT s: $(squeue --noheader --jobs="$jobid,$buildid" | head -n 3)"
    sleep 1
done
build_state=$(scontrol --oneliner show job "$buildid")
[[ $build_state == *"JobState=COMPLETED "*"ExitCode=0:0"* ]] ||
    fail "the build job after array job $jobid did not succeed: $(grep -o 'JobState=[^ ]* Reason=[^ ]*' <<<"$build_state"), $(grep -o 'ExitCode=[^ ]*' <<<"$build_state"); see $WORK/log/build.out and task-*.out"
array_seconds=$((SECONDS - array_started))
digests=$(find "$WORK/digests" -name '*.json' | wc -l)
((digests == runs)) || fail "$digests digests for $runs runs"
if grep -l . "$WORK"/log/task-*.out >/dev/null 2>&1; then
    fail "array tasks printed output (quiet runs print only errors): $(grep -l . "$WORK"/log/task-*.out | head -n 3)"
fi
step "array job $jobid: $runs tasks and the build after them took $array_seconds s"

# --- 6. The direct build, and the comparison ---------------------------------------------------
runsite build "$corpus" --out "$WORK/site-direct" --quiet || fail "direct build"
# manifest.json names the files each run was read from (the digests here, the logs in a direct
# build), and the .runsite-site marker holds a token of each build's cache: those two differ.
set +e
differences=$(diff -rq "$WORK/site-digests" "$WORK/site-direct")
set -e
unexpected=$(grep -v -x -e "Files $WORK/site-digests/manifest.json and $WORK/site-direct/manifest.json differ" \
    -e "Files $WORK/site-digests/.runsite-site and $WORK/site-direct/.runsite-site differ" <<<"$differences" || true)
[[ -z $unexpected ]] || fail "the site built from digests differs from the direct build:
$(head -n 20 <<<"$unexpected")"
# Beyond those, both must list the same files, the same runs and the same drawing settings.
python3 - "$WORK/site-digests" "$WORK/site-direct" <<'PY' || fail "manifest.json or .runsite-site disagree beyond their sources"
import json, sys
a, b = sys.argv[1:]
def load(site, name):
    with open(f"{site}/{name}") as f: return json.load(f)
ma, mb = load(a, "manifest.json"), load(b, "manifest.json")
runs = lambda m: sorted(r for s in m["sources"] for r in s["runs"])
assert {k: v for k, v in ma.items() if k != "sources"} == {k: v for k, v in mb.items() if k != "sources"}, "settings"
assert runs(ma) == runs(mb), "runs"
assert all(s["reader"].startswith("digest (") for s in ma["sources"]), "digest sources"
assert load(a, ".runsite-site")["files"] == load(b, ".runsite-site")["files"], "marker files"
PY
files=$(find "$WORK/site-direct" -type f | wc -l)
step "identical: the site from $digests digests and the direct build ($files files) differ only in manifest.json's sources and the marker's cache token"
echo "slurm test: ok: $runs runs, $runs array tasks + build in $array_seconds s, $((SECONDS - started)) s in all"
