#!/bin/sh
# The shell steps of the example CI pipelines (github/runsite.yml, gitlab/.gitlab-ci.yml), kept in
# one script so that both run the same commands and scripts/test-ci-examples.sh can run them here.
#
#   sh examples/ci/ci-steps.sh previous|train|site|summary|gate
#
# Settings, from the environment:
#   RUNSITE        the runsite command (default: runsite on PATH)
#   OUT            the site folder to publish (default: site; GitLab Pages wants public)
#   RUNS           where training writes its runs (default: runs)
#   PREVIOUS       where the previous site's runs.json is kept (default: previous)
#   PREVIOUS_URL   the published site's address; its runs.json is what "What changed" compares with
#   LRS            the learning rates of the sweep (default: "0.3 0.1 0.03")
#   SUMMARY        where the Markdown report goes (default: $GITHUB_STEP_SUMMARY, else summary.md)
set -eu

RUNSITE=${RUNSITE:-runsite}
OUT=${OUT:-site}
RUNS=${RUNS:-runs}
PREVIOUS=${PREVIOUS:-previous}
SUMMARY=${SUMMARY:-${GITHUB_STEP_SUMMARY:-summary.md}}
HERE=$(dirname "$0")
# The commit's time, so that the same commit builds the same bytes (docs/publishing.md).
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 315532800)}
export SOURCE_DATE_EPOCH

case "${1:-}" in
previous)
    # The published site's summary, if there is one yet: a first deploy has none.
    if [ -n "${PREVIOUS_URL:-}" ]; then
        mkdir -p "$PREVIOUS"
        curl -fsSL "${PREVIOUS_URL%/}/runs.json" -o "$PREVIOUS/runs.json" || rm -f "$PREVIOUS/runs.json"
    fi
    ;;
train)
    for lr in ${LRS:-0.3 0.1 0.03}; do
        python3 "$HERE/train.py" --out "$RUNS" --lr "$lr" --seed 1 --epochs 20
    done
    ;;
site)
    "$RUNSITE" build "$RUNS" --out "$OUT" --title "Toy model" --diff-with "$PREVIOUS"
    ;;
summary)
    {
        "$RUNSITE" export summary "$RUNS" --format markdown --title "Toy model"
        if [ -f "$PREVIOUS/runs.json" ]; then
            echo
            "$RUNSITE" diff "$PREVIOUS" "$RUNS" --format markdown -q
        fi
    } >> "$SUMMARY"
    cat "$SUMMARY"
    ;;
gate)
    # Fail the pipeline when the best validation accuracy fell by more than 0.05.
    if [ -f "$PREVIOUS/runs.json" ]; then
        "$RUNSITE" diff "$PREVIOUS" "$RUNS" --fail-if 'metric:val/acc:max < -0.05' -q
    fi
    ;;
*)
    echo "usage: $0 previous|train|site|summary|gate" >&2
    exit 64
    ;;
esac
