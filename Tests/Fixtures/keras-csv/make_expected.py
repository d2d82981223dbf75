#!/usr/bin/env python3
"""Expected runsite summaries for Keras CSVLogger files, computed with pandas.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install pandas
    /tmp/venv/bin/python Tests/Fixtures/keras-csv/make_expected.py

Writes two files next to this script:
  expected-summary.json         for this fixture folder (keras3/training.log, written by Keras 3.15.1)
  expected-public-summary.json  for the shared corpus ../shared/corpora/keras-csv (real public files,
                                not copied here; the test skips when the corpus is absent)

How a Keras user reads the log: ``pd.read_csv(path)`` then, per column, ``dropna()``. Keras writes
``NA`` for a key missing from an epoch and ``nan`` for a NaN value; pandas' default NA handling turns
both into NaN. runsite treats ``NA`` and empty cells as "not logged" but counts a logged ``nan`` as a
point, so this script reads cells as text (``keep_default_na=False``) and applies Python's ``float()``
to every cell that is not ``NA`` or empty. It checks that the non-NaN numbers equal those of plain
``pd.read_csv`` + ``dropna()``.

Conventions (runsite's): each Keras CSV file is a run; id = its path relative to the input (extension
kept); name = the file name; project = the folder holding it; step = epoch; no params.
"""
import json
import math
import os
import sys

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
PUBLIC = os.path.join(PACKAGE, "..", "shared", "corpora", "keras-csv")


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


def is_keras(path):
    if os.path.splitext(path)[1].lower() not in (".csv", ".log", ".tsv", ".txt"):
        return False
    with open(path, encoding="utf-8", errors="replace") as f:
        names = f.readline().strip().split(",")
    return len(names) >= 2 and names[0] == "epoch" and "step" not in names


def read_run(root, path):
    cells = pd.read_csv(path, dtype=str, keep_default_na=False)
    plain = pd.read_csv(path)
    metrics = {}
    for column in cells.columns[1:]:
        points = [(int(e), float(c)) for e, c in zip(cells["epoch"], cells[column]) if c.strip() not in ("", "NA")]
        if not points:
            continue
        ours = [v for _, v in points if not math.isnan(v)]
        assert ours == plain[column].dropna().tolist(), (path, column)
        metrics[column] = summarize(points)
    return {"id": os.path.relpath(path, root).replace(os.sep, "/"), "source": "keras-csv",
            "project": os.path.basename(os.path.dirname(path)), "name": os.path.basename(path),
            "status": "unknown", "params": {}, "tags": [], "metrics": dict(sorted(metrics.items()))}


def summary(root):
    runs = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = os.path.join(folder, name)
            if not name.startswith(".") and is_keras(path):
                runs.append(read_run(root, path))
    runs.sort(key=lambda r: r["id"])
    return {"runs": runs}


def write(name, data):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(data, f, indent=1, allow_nan=False)
        f.write("\n")
    print(name, len(data["runs"]), "runs")


def main():
    write("expected-summary.json", summary(HERE))
    public = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else PUBLIC)
    if os.path.isdir(public):
        write("expected-public-summary.json", summary(public))


if __name__ == "__main__":
    main()
