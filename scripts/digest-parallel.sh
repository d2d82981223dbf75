#!/usr/bin/env bash
# Digests every run directory under INPUT in parallel with xargs -P, then builds the site from the
# digests alone. The same shape works with GNU parallel, a Slurm array or Kubernetes jobs: only the
# small digest files travel. Usage: scripts/digest-parallel.sh INPUT DIGESTS SITE [JOBS]
set -euo pipefail
input=$1 digests=$2 site=$3 jobs=${4:-2}
runsite=${RUNSITE:-runsite}
# One task per run directory (runsite's own format: a folder with runsite.json). Digest ids are the
# run folders relative to INPUT, as in a direct build, because each task names INPUT and its run.
find "$input" -name runsite.json -printf '%h\n' | sort |
  xargs -P "$jobs" -I{} "$runsite" digest "$input" --only "{}" --out "$digests" --quiet
"$runsite" build --from-digests "$digests" --out "$site" --quiet
