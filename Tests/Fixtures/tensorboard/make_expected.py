#!/usr/bin/env python3
"""Expected runsite summary for the TensorBoard fixtures, computed with TensorBoard's own reader.

    python3 -m venv /tmp/tbvenv && /tmp/tbvenv/bin/pip install tensorboard numpy
    /tmp/tbvenv/bin/python make_expected.py          # writes expected-summary.json next to this file

Values come from `tensorboard.backend.event_processing.event_accumulator.EventAccumulator` with every
reservoir unbounded (size_guidance 0): `Scalars(tag)` for simple_value scalars, and `Tensors(tag)` of tags
whose plugin is "scalars" (TF2 writers) converted with `tensor_util.make_ndarray`. As a cross-check the
values are also read with `plugin_event_accumulator.EventAccumulator` (the one TensorBoard's server
uses, which migrates simple values to tensors) and must agree. Params come from the hparams plugin's
`session_start_info`, status from `session_end_info`.

Only the grouping is runsite's own convention (what TensorBoard leaves to the user): runs are directories
directly holding event files; the claimed log dir is the highest directory that directly holds event
files, or one of whose direct subdirectories directly holds event files while every direct subdirectory
holds some within two levels; project = that directory's name; id = path from the input;
name = path under the log dir.
"""
import json
import math
import os
import sys

from tensorboard.backend.event_processing import event_accumulator as ea
from tensorboard.backend.event_processing import plugin_event_accumulator as pea
from tensorboard.plugins.hparams import plugin_data_pb2
from tensorboard.util import tensor_util

HERE = os.path.dirname(os.path.abspath(__file__))


def is_event_file(name):
    return "tfevents" in name and not name.endswith(".profile-empty") and not name.startswith(".")


def has_events(d):
    return any(is_event_file(n) and os.path.isfile(os.path.join(d, n)) for n in os.listdir(d))


def holds_events(d, depth):
    if any(is_event_file(x) for x in os.listdir(d)):
        return True
    return depth > 0 and any(holds_events(os.path.join(d, n), depth - 1) for n in sorted(os.listdir(d))
                             if not n.startswith(".") and os.path.isdir(os.path.join(d, n)))


def claims(d):
    """Directly holds event files, or: some child directly does and every child does within two levels."""
    if has_events(d):
        return True
    children = [os.path.join(d, n) for n in sorted(os.listdir(d)) if not n.startswith(".") and os.path.isdir(os.path.join(d, n))]
    return any(any(is_event_file(x) for x in os.listdir(c)) for c in children) and all(holds_events(c, 2) for c in children)


def logdirs(d):
    if claims(d):
        return [d]
    out = []
    for n in sorted(os.listdir(d)):
        c = os.path.join(d, n)
        if not n.startswith(".") and os.path.isdir(c):
            out += logdirs(c)
    return out


def run_dirs(logdir):
    out = []
    for root, dirs, files in os.walk(logdir):
        dirs[:] = sorted(x for x in dirs if not x.startswith("."))
        if any(is_event_file(f) for f in files):
            out.append(root)
    return out


def num(x):
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def summarize(points):
    """points: [(step, value)] in logged order."""
    pts = sorted(points, key=lambda p: p[0])  # stable
    finite = [v for _, v in pts if math.isfinite(v)]
    return {"count": len(pts), "first": num(pts[0][1]), "last": num(pts[-1][1]),
            "min": min(finite) if finite else None, "max": max(finite) if finite else None,
            "last_step": pts[-1][0]}


def read_legacy(run_dir):
    acc = ea.EventAccumulator(run_dir, size_guidance={ea.SCALARS: 0, ea.TENSORS: 0, ea.IMAGES: 0,
                                                      ea.HISTOGRAMS: 0, ea.AUDIO: 0, ea.COMPRESSED_HISTOGRAMS: 0})
    acc.Reload()
    series = {}
    tags = acc.Tags()
    for tag in tags[ea.SCALARS]:
        series[tag] = [(e.step, float(e.value)) for e in acc.Scalars(tag)]
    for tag in tags[ea.TENSORS]:
        if acc.SummaryMetadata(tag).plugin_data.plugin_name == "scalars":
            series[tag] = [(e.step, float(tensor_util.make_ndarray(e.tensor_proto).item())) for e in acc.Tensors(tag)]
    return acc, series


def read_plugin(run_dir):
    acc = pea.EventAccumulator(run_dir, size_guidance={pea.TENSORS: 0})
    acc.Reload()
    series = {}
    for tag in acc.Tags()[pea.TENSORS]:
        if acc.SummaryMetadata(tag).plugin_data.plugin_name == "scalars":
            series[tag] = [(e.step, float(tensor_util.make_ndarray(e.tensor_proto).item())) for e in acc.Tensors(tag)]
    return series


def same(a, b):
    return len(a) == len(b) and all(x[0] == y[0] and (x[1] == y[1] or (math.isnan(x[1]) and math.isnan(y[1])))
                                    for x, y in zip(a, b))


def params_and_status(acc):
    params, status = {}, "unknown"
    try:
        contents = acc.PluginTagToContent("hparams")
    except KeyError:
        contents = {}
    for tag, content in contents.items():
        data = plugin_data_pb2.HParamsPluginData.FromString(content)
        kind = data.WhichOneof("data")
        if kind == "session_start_info":
            for key, value in data.session_start_info.hparams.items():
                which = value.WhichOneof("kind")
                params[key] = {"number_value": value.number_value, "string_value": value.string_value,
                               "bool_value": value.bool_value, "null_value": None}.get(which)
        elif kind == "session_end_info":
            status = {1: "finished", 2: "failed", 3: "running"}.get(data.session_end_info.status, "unknown")
    return params, status


def main(root):
    runs = []
    for logdir in logdirs(root):
        for run_dir in run_dirs(logdir):
            acc, series = read_legacy(run_dir)
            plugin_series = read_plugin(run_dir)
            assert set(series) == set(plugin_series), (run_dir, set(series) ^ set(plugin_series))
            for tag in series:
                assert same(series[tag], plugin_series[tag]), (run_dir, tag)
            params, status = params_and_status(acc)
            rel = os.path.relpath(run_dir, logdir)
            runs.append({
                "id": os.path.relpath(run_dir, root), "source": "tensorboard",
                "project": os.path.basename(logdir), "name": os.path.basename(run_dir) if rel == "." else rel,
                "status": status, "params": params, "tags": [],
                "metrics": {tag: summarize(pts) for tag, pts in sorted(series.items()) if pts},
            })
    runs.sort(key=lambda r: r["id"])
    with open(os.path.join(root, "expected-summary.json"), "w") as f:
        json.dump({"runs": runs}, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"{len(runs)} runs written to {os.path.join(root, 'expected-summary.json')}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
