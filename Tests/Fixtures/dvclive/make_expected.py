#!/usr/bin/env python3
"""Expected runsite summary for the DVCLive fixture (a copy of ../shared/corpora/dvclive/project, written
by dvclive 3.49.1), computed with pandas on the TSVs, PyYAML for params.yaml and json for metrics.json.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install pandas pyyaml
    /tmp/venv/bin/python Tests/Fixtures/dvclive/make_expected.py

Metric series: one per ``plots/metrics/**/<name>.tsv``, keyed by the path without ``.tsv``; the value
column is the one that is neither ``step`` nor ``timestamp``. ``pd.read_csv(tsv, sep="\\t")`` is how
DVCLive users (and ``dvc plots``) read them; cells are read as text (``keep_default_na=False``) and
converted with Python's ``float()`` so that ``nan``/``inf`` are kept as logged values, and checked
against plain ``pd.read_csv``. An empty cell (DVCLive never writes one) would mean "not logged".

``metrics.json`` leaves (nested objects joined with ``/``; the top-level ``step`` left out) that have no
TSV become one-point series at ``metrics.json``'s ``step`` (0 when absent): that is runsite's rule.

Conventions (runsite's): run = DVCLive folder; id = its path relative to the input; project = the
nearest folder above it holding dvc.yaml or .dvc; name = the run folder relative to that project.
"""
import json
import math
import os

import pandas as pd
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))


def num(v):
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def summarize(points):
    pts = sorted(points, key=lambda p: p[0])
    finite = [v for _, v in pts if math.isfinite(v)]
    return {"count": len(pts), "first": num(pts[0][1]), "last": num(pts[-1][1]),
            "min": num(min(finite)) if finite else None, "max": num(max(finite)) if finite else None,
            "last_step": pts[-1][0]}


def text(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "null"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
    if isinstance(v, (list, tuple, dict)):
        return json.dumps(v, separators=(",", ":"), ensure_ascii=False)
    return str(v)


def flatten(value, prefix, out, sep="."):
    if isinstance(value, dict):
        for k, v in value.items():
            flatten(v, f"{prefix}{sep}{k}" if prefix else str(k), out, sep)
    elif prefix:
        if isinstance(value, float):
            out[prefix] = num(value)
        elif isinstance(value, (list, tuple)):
            out[prefix] = text(value)
        else:
            out[prefix] = value


def as_number(v):
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str) and v.lower() in ("nan", "inf", "-inf", "infinity", "-infinity"):
        return float(v)
    return None


def read_run(root, run_dir):
    project_dir = os.path.dirname(run_dir)
    while not (os.path.exists(os.path.join(project_dir, "dvc.yaml")) or os.path.isdir(os.path.join(project_dir, ".dvc"))):
        project_dir = os.path.dirname(project_dir)
    params = {}
    with open(os.path.join(run_dir, "params.yaml")) as f:
        flatten(yaml.safe_load(f) or {}, "", params)
    metrics = {}
    plots = os.path.join(run_dir, "plots", "metrics")
    for folder, dirs, files in os.walk(plots):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".tsv"):
                continue
            path = os.path.join(folder, name)
            key = os.path.relpath(path, plots)[:-4].replace(os.sep, "/")
            cells = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
            plain = pd.read_csv(path, sep="\t")
            column = [c for c in cells.columns if c not in ("step", "timestamp")][0]
            points = [(int(s), float(c)) for s, c in zip(cells["step"], cells[column]) if c.strip() != ""]
            assert [v for _, v in points if not math.isnan(v)] == plain[column].dropna().tolist(), path
            metrics[key] = summarize(points)
    with open(os.path.join(run_dir, "metrics.json")) as f:
        summary = json.load(f)
    step = summary.pop("step", 0)
    leaves = {}
    flatten(summary, "", leaves, sep="/")
    for key, value in leaves.items():
        n = as_number(value)
        if key not in metrics and n is not None:
            metrics[key] = summarize([(step, n)])
    return {"id": os.path.relpath(run_dir, root).replace(os.sep, "/"), "source": "dvclive",
            "project": os.path.basename(project_dir),
            "name": os.path.relpath(run_dir, project_dir).replace(os.sep, "/"),
            "status": "unknown", "params": dict(sorted(params.items())), "tags": [],
            "metrics": dict(sorted(metrics.items()))}


def main():
    runs = []
    for folder, dirs, files in os.walk(HERE):
        dirs.sort()
        if os.path.isdir(os.path.join(folder, "plots", "metrics")) and "metrics.json" in files:
            runs.append(read_run(HERE, folder))
    runs.sort(key=lambda r: r["id"])
    with open(os.path.join(HERE, "expected-summary.json"), "w") as f:
        json.dump({"runs": runs}, f, indent=1, allow_nan=False)
        f.write("\n")
    print(len(runs), "runs")


if __name__ == "__main__":
    main()
