"""Numbers check: runsite's `export summary` against what a peer read (EventAccumulator, MLflow client).

usage: compare_summaries.py RUNSITE_SUMMARY.json PEER_DUMP.json [--fields count,min,max,last]

RUNSITE_SUMMARY.json is `runsite export summary INPUT` output; PEER_DUMP.json is what
tb_event_accumulator.py / mlflow_client.py write with --dump ({run id: {metric: summary}}, run ids
relative to the same INPUT). Values must be identical doubles (NaN equals NaN). Prints every
mismatch and a count; exit status 1 if there is any.
"""
import argparse
import json
import math
import sys

NONFINITE = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


def number(v):
    return NONFINITE.get(v, v) if isinstance(v, str) else v


def same(a, b):
    a, b = number(a), number(b)
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if a is None or b is None:
        return a is b
    return float(a) == float(b)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("runsite")
    ap.add_argument("peer")
    ap.add_argument("--fields", default="count,min,max,last")
    args = ap.parse_args()
    fields = args.fields.split(",")
    with open(args.runsite) as f:
        ours = {r["id"]: r["metrics"] for r in json.load(f)["runs"]}
    with open(args.peer) as f:
        theirs = json.load(f)
    mismatches, series = [], 0
    for run in sorted(set(ours) | set(theirs)):
        if run not in ours or run not in theirs:
            mismatches.append(f"run {run}: only in {'runsite' if run in ours else 'peer'}")
            continue
        for metric in sorted(set(ours[run]) | set(theirs[run])):
            if metric not in ours[run] or metric not in theirs[run]:
                mismatches.append(f"{run} {metric}: only in {'runsite' if metric in ours[run] else 'peer'}")
                continue
            series += 1
            for field in fields:
                a, b = ours[run][metric].get(field), theirs[run][metric].get(field)
                if not same(a, b):
                    mismatches.append(f"{run} {metric} {field}: runsite {a!r} peer {b!r}")
    for m in mismatches[:50]:
        print("  mismatch: " + m)
    if len(mismatches) > 50:
        print(f"  ... and {len(mismatches) - 50} more")
    print(f"numbers check: {len(ours)} runs, {series} series compared on {', '.join(fields)}: "
          f"{len(mismatches)} mismatches")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
