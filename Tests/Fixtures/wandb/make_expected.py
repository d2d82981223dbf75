#!/usr/bin/env python3
"""Expected runsite summary for the W&B fixtures, computed with wandb's own log reader and protobufs.

    python3 -m venv /tmp/wbvenv && /tmp/wbvenv/bin/pip install "wandb==0.22.3"
    /tmp/wbvenv/bin/python make_expected.py          # writes expected-summary.json next to this file

Why 0.22.3: wandb 0.31 (which wrote the fixtures) reads `.wandb` files only in its Go core and no longer
ships the Python reader; 0.22.3 still has `wandb.sdk.internal.datastore.DataStore` (`open_for_scan`,
`scan_data`), whose framing and CRC check are unchanged, and `wandb.proto.wandb_internal_pb2.Record`,
whose field numbers are stable (unknown newer fields are skipped by protobuf).

Records are replayed as wandb's own `sdk/internal/handler.py` replays them: history rows (`_step`/`_timestamp` axes,
numeric values are metric points, nested keys joined with '.', media objects with `_type` skipped),
config = RunRecord.config then ConfigRecords (`_wandb` dropped, nested keys flattened with '.'),
summary-only numeric keys become one-point series at the last history step (runsite's convention),
status = exit record (code 0 → finished, else failed). System metrics: each `stats` record of
stats_type SYSTEM (0) is one sample; every numeric item `K` is a point of `system/K` whose step is
the sample's index (0, 1, …), appended after the history's metrics.
"""
import glob
import json
import math
import os
import sys

import wandb
from wandb.proto import wandb_internal_pb2 as pb
from wandb.sdk.internal import datastore

wandb._assert_is_internal_process = True  # DataStore refuses to run outside wandb's internal process
HERE = os.path.dirname(os.path.abspath(__file__))
AXES = {"_step", "_timestamp", "_runtime"}


def records(path):
    ds = datastore.DataStore()
    ds.open_for_scan(path)
    while True:
        data = ds.scan_data()
        if data is None:
            break
        r = pb.Record()
        r.ParseFromString(data)
        yield r


def item_path(item):
    return list(item.nested_key) if len(item.nested_key) else [item.key]


def set_path(tree, path, value):
    for k in path[:-1]:
        if not isinstance(tree.get(k), dict):
            tree[k] = {}
        tree = tree[k]
    tree[path[-1]] = value


def remove_path(tree, path):
    for k in path[:-1]:
        tree = tree.get(k)
        if not isinstance(tree, dict):
            return
    tree.pop(path[-1], None)


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def leaves(key, value, out):
    if is_number(value):
        out.append((key, float(value)))
    elif isinstance(value, dict) and "_type" not in value:
        for k, v in value.items():
            leaves(key + "." + k, v, out)


def flatten(prefix, value, out):
    if isinstance(value, dict):
        for k, v in value.items():
            flatten(prefix + "." + k if prefix else k, v, out)
    elif prefix:
        out[prefix] = value


def num(x):
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def summarize(points):
    pts = sorted(points, key=lambda p: p[0])
    finite = [v for _, v in pts if math.isfinite(v)]
    return {"count": len(pts), "first": num(pts[0][1]), "last": num(pts[-1][1]),
            "min": min(finite) if finite else None, "max": max(finite) if finite else None,
            "last_step": pts[-1][0]}


def read_run(folder, root):
    info, config, summary, series, system = None, {}, {}, {}, {}
    samples = 0
    status, last_step = "unknown", None
    for path in sorted(glob.glob(os.path.join(folder, "run-*.wandb"))):
        for r in records(path):
            kind = r.WhichOneof("record_type")
            if kind == "run":
                info = r.run
                for it in r.run.config.update:
                    set_path(config, item_path(it), json.loads(it.value_json))
                for it in r.run.summary.update:
                    set_path(summary, item_path(it), json.loads(it.value_json))
            elif kind in ("config", "summary"):
                tree = config if kind == "config" else summary
                rec = getattr(r, kind)
                for it in rec.update:
                    set_path(tree, item_path(it), json.loads(it.value_json))
                for it in rec.remove:
                    remove_path(tree, item_path(it))
            elif kind == "history":
                row = {}
                for it in r.history.item:
                    set_path(row, item_path(it), json.loads(it.value_json))
                step = row.get("_step", r.history.step.num)
                last_step = step
                for key, value in row.items():
                    if key in AXES:
                        continue
                    pts = []
                    leaves(key, value, pts)
                    for k, v in pts:
                        series.setdefault(k, []).append((step, v))
            elif kind == "stats" and r.stats.stats_type == 0:
                for it in r.stats.item:
                    pts = []
                    leaves("system/" + it.key, json.loads(it.value_json), pts)
                    for k, v in pts:
                        system.setdefault(k, []).append((samples, v))
                samples += 1
            elif kind == "exit":
                status = "finished" if r.exit.exit_code == 0 else "failed"
    for key, value in summary.items():
        if key.startswith("_"):
            continue
        pts = []
        leaves(key, value, pts)
        for k, v in pts:
            if k not in series:
                series[k] = [(last_step or 0, v)]
    for k, pts in system.items():
        series.setdefault(k, pts)
    config.pop("_wandb", None)
    params = {}
    flatten("", config, params)
    name = os.path.basename(folder)
    return {"id": os.path.relpath(folder, root), "source": "wandb", "project": info.project,
            "name": info.display_name or info.run_id, "status": status, "params": params,
            "tags": list(info.tags), "metrics": {k: summarize(v) for k, v in sorted(series.items())}}


def main(root):
    folders = sorted(glob.glob(os.path.join(root, "wandb", "*run-*")))
    runs = sorted((read_run(f, root) for f in folders if os.path.isdir(f)), key=lambda r: r["id"])
    with open(os.path.join(root, "expected-summary.json"), "w") as f:
        json.dump({"runs": runs}, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"{len(runs)} runs written")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
