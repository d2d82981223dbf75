#!/usr/bin/env bash
# Runs the shell steps of the example CI pipelines (examples/ci/github/runsite.yml and
# examples/ci/gitlab/.gitlab-ci.yml) here, against a freshly built runsite, so that the examples
# cannot rot. The steps are the `sh examples/ci/ci-steps.sh STEP` lines of each workflow, run in
# the order the workflow lists them, in a scratch copy of the repository's examples/ci; the
# install and deploy steps (which need the network and the hosting) are not run.
#
#   scripts/test-ci-examples.sh [RUNSITE]
#
# RUNSITE is the runsite executable (default: `swift build` and .build/debug/runsite).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runsite=${1:-}
if [ -z "$runsite" ]; then
    swift build --package-path "$root" --product runsite >/dev/null
    runsite="$root/.build/debug/runsite"
fi
runsite=$(cd "$(dirname "$runsite")" && pwd)/$(basename "$runsite")
export RUNSITE=$runsite RUNSITE_HOME=$root
unset GITHUB_STEP_SUMMARY PREVIOUS_URL SOURCE_DATE_EPOCH
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

fail() { echo "test-ci-examples: FAIL: $*" >&2; exit 1; }

# The steps a workflow runs, in its order.
steps_of() { grep -oE 'sh examples/ci/ci-steps\.sh [a-z]+' "$1" | awk '{print $3}'; }

github="$root/examples/ci/github/runsite.yml"
gitlab="$root/examples/ci/gitlab/.gitlab-ci.yml"
for want in previous train site summary gate; do
    steps_of "$github" | grep -qx "$want" || fail "the GitHub workflow does not run the '$want' step"
    steps_of "$gitlab" | grep -qx "$want" || fail "the GitLab pipeline does not run the '$want' step"
done
grep -q 'actions/upload-pages-artifact@' "$github" || fail "the GitHub workflow does not upload a Pages artifact"
grep -q 'actions/deploy-pages@' "$github" || fail "the GitHub workflow does not deploy to Pages"
grep -qE '^pages:' "$gitlab" || fail "the GitLab pipeline has no pages job"
grep -qE 'OUT: public' "$gitlab" || fail "the GitLab pipeline does not build into public/"
if python3 -c 'import yaml' 2>/dev/null; then
    for file in "$github" "$gitlab"; do
        python3 -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' "$file" || fail "$file is not valid YAML"
    done
fi

# Runs one workflow's steps in a fresh checkout-like folder; $1 names it, $2 the workflow, then
# VAR=value settings for the steps (as the workflow's env gives them).
run_pipeline() {
    local name=$1 workflow=$2
    shift 2
    local dir="$scratch/$name"
    mkdir -p "$dir/examples"
    cp -R "$root/examples/ci" "$dir/examples/ci"
    [ -d "$scratch/published" ] && mkdir -p "$dir/previous" && cp "$scratch/published/runs.json" "$dir/previous/runs.json"
    for step in $(steps_of "$workflow"); do
        (cd "$dir" && env "$@" sh examples/ci/ci-steps.sh "$step") >"$dir/$step.log" 2>&1 || { cat "$dir/$step.log" >&2; fail "$name: step '$step' failed"; }
    done
}

# The first GitHub run: nothing published yet.
run_pipeline github-1 "$github" OUT=site GITHUB_STEP_SUMMARY="$scratch/github-1/step-summary.md"
first="$scratch/github-1"
[ -f "$first/site/index.html" ] || fail "no site/index.html"
[ -f "$first/site/runs.json" ] || fail "no site/runs.json"
grep -q '^## Toy model$' "$first/step-summary.md" || fail "the job summary has no report"
grep -q '| val/acc (max) | 1 |' "$first/step-summary.md" || fail "the job summary has no best runs"
grep -q 'What changed' "$first/site/index.html" && fail "a first build shows a 'What changed' section"

# The same commit builds the same bytes.
run_pipeline github-1-again "$github" OUT=site GITHUB_STEP_SUMMARY="$scratch/github-1-again/step-summary.md"
# The marker names the build cache, whose key holds the absolute input path; it is not a page.
diff -r -x .runsite-site "$first/site" "$scratch/github-1-again/site" >/dev/null || fail "two builds of the same runs differ"

# Published; the next run trains one more learning rate and reports what changed.
cp -R "$first/site" "$scratch/published"
run_pipeline github-2 "$github" OUT=site LRS="0.3 0.1 0.03 1" GITHUB_STEP_SUMMARY="$scratch/github-2/step-summary.md"
second="$scratch/github-2"
grep -q 'What changed' "$second/site/index.html" || fail "the second build shows no 'What changed' section"
grep -q '^### New runs (1)$' "$second/step-summary.md" || fail "the job summary does not list the new run"

# GitLab: into public/, the report in summary.md.
run_pipeline gitlab "$gitlab" OUT=public
[ -f "$scratch/gitlab/public/index.html" ] || fail "no public/index.html"
grep -q '^## Toy model$' "$scratch/gitlab/summary.md" || fail "no summary.md"

# The gate fails on a regression: a run trained uphill (a negative rate), whose accuracy fell.
mkdir -p "$scratch/regressed"
(cd "$scratch/regressed" && python3 "$root/examples/ci/train.py" --out runs --lr -1 --epochs 5 >/dev/null)
mkdir -p "$scratch/regressed/previous" && cp "$scratch/published/runs.json" "$scratch/regressed/previous/"
cp -R "$root/examples/ci" "$scratch/regressed/ci"
if (cd "$scratch/regressed" && sh ci/ci-steps.sh gate) >"$scratch/gate.log" 2>&1; then fail "the gate passed a regression"; fi
grep -q "val/acc (max) in toy-model went from" "$scratch/gate.log" || { cat "$scratch/gate.log" >&2; fail "the gate's message"; }

echo "test-ci-examples: the GitHub and GitLab steps ran and passed"
