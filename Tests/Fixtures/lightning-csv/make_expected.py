#!/usr/bin/env python3
"""Expected runsite summary for the Lightning CSVLogger corpus, computed with pandas.

The corpus is real public files kept outside this repository, in ../shared/corpora/lightning-csv
(relative to the package root); the test skips when it is absent.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install pandas pyyaml
    /tmp/venv/bin/python Tests/Fixtures/lightning-csv/make_expected.py [CORPUS]

How a Lightning user reads metrics.csv: ``pd.read_csv(path)`` then, per metric column, ``dropna()``.
runsite keeps one difference on purpose: pandas' default NA handling turns both an empty cell (not
logged) and a logged ``nan`` into NaN, so ``dropna()`` also drops logged NaNs. runsite counts a logged
NaN as a point (count includes NaN, as for every format). So this script reads the cells as text with
``keep_default_na=False`` and treats only empty cells as "not logged"; every other cell goes through
Python's ``float()``. It also checks that, for cells that are not ``nan``, the numbers equal those of
plain ``pd.read_csv`` + ``dropna()``.

Conventions (runsite's, not Lightning's): a run is a ``version_*`` folder; id = its path relative to
the corpus; project = the logger-name folder above it; name = ``<version folder>`` (as TensorBoard names the same folder);
params = hparams.yaml flattened with dots; ``step`` is the x axis and ``epoch`` is not a metric.
"""
import json
import math
import os
import sys

import pandas as pd
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
DEFAULT_CORPUS = os.path.join(PACKAGE, "..", "shared", "corpora", "lightning-csv")


def num(v):
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def summarize(points):
    """points: (step, value) in logged order -> runsite metric summary (stable sort by step)."""
    pts = sorted(points, key=lambda p: p[0])
    finite = [v for _, v in pts if math.isfinite(v)]
    return {"count": len(pts), "first": num(pts[0][1]), "last": num(pts[-1][1]),
            "min": num(min(finite)) if finite else None, "max": num(max(finite)) if finite else None,
            "last_step": pts[-1][0]}


def text(v):
    """runsite's compact text for list items (ParamValue.text / JSONValue.compactText)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "null"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(text(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {text(x)}" for k, x in v.items()) + "}"
    return str(v)


def flatten(value, prefix, out):
    if isinstance(value, dict):
        for k, v in value.items():
            flatten(v, f"{prefix}.{k}" if prefix else str(k), out)
    elif prefix:
        if isinstance(value, float):
            out[prefix] = num(value)
        elif isinstance(value, (list, tuple)):
            out[prefix] = text(value)
        else:
            out[prefix] = value


def read_run(corpus, run_dir):
    rel = os.path.relpath(run_dir, corpus).replace(os.sep, "/")
    project = os.path.basename(os.path.dirname(run_dir))
    params = {}
    hp = os.path.join(run_dir, "hparams.yaml")
    if os.path.exists(hp):
        with open(hp) as f:
            flatten(yaml.safe_load(f) or {}, "", params)
    path = os.path.join(run_dir, "metrics.csv")
    cells = pd.read_csv(path, dtype=str, keep_default_na=False)
    plain = pd.read_csv(path)
    metrics = {}
    for column in cells.columns:
        if column in ("step", "epoch"):
            continue
        points = [(int(s), float(c)) for s, c in zip(cells["step"], cells[column]) if c.strip() != ""]
        if not points:
            continue
        # Cross-check with the usual pandas reading: same numbers once logged NaNs are set aside.
        ours = [v for _, v in points if not math.isnan(v)]
        theirs = plain[column].dropna().tolist()
        assert ours == theirs, (path, column)
        metrics[column] = summarize(points)
    return {"id": rel, "source": "lightning-csv", "project": project, "name": os.path.basename(run_dir),
            "status": "unknown", "params": dict(sorted(params.items())), "tags": [],
            "metrics": dict(sorted(metrics.items()))}


def main():
    corpus = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CORPUS)
    runs = []
    for root, dirs, files in os.walk(corpus):
        dirs.sort()
        if "metrics.csv" in files and os.path.basename(root).startswith("version_"):
            runs.append(read_run(corpus, root))
    runs.sort(key=lambda r: r["id"])
    with open(os.path.join(HERE, "expected-summary.json"), "w") as f:
        json.dump({"runs": runs}, f, indent=1, allow_nan=False)
        f.write("\n")
    print(f"{len(runs)} runs")


if __name__ == "__main__":
    main()
