"""Expected summary of the Hydra fixture: configs through OmegaConf (unresolved, as Hydra saved them),
overrides and job names through YAML, and the app's own metrics.csv through pandas.

Fixture: a copy of the shared corpus `corpora/hydra` (hydra-core 1.3.8; metrics.csv is the app's own).

    /tmp/venv/bin/pip install omegaconf pandas pyyaml && /tmp/venv/bin/python make_expected.py

Conventions mirrored from runsite (Sources/RunsiteReaders/Hydra):
- run id: the job folder relative to this folder; source `hydra`;
- name: `hydra.job.name` plus `hydra.job.override_dirname`; project: `<job name> <date>/<time>` for the
  jobs of a sweep (parent holds multirun.yaml), `<job name>` for single runs;
- params: config.yaml flattened with dots, lists as one compact JSON text value `["a","b"]`;
- metrics: the CSV's columns, step = the `epoch` column (no `step` column here); no status is recorded.
"""
import json
import math
import os

import pandas as pd
import yaml
from omegaconf import OmegaConf

here = os.path.dirname(os.path.abspath(__file__))


def number(v):
    if v is None:
        return None
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def swift_exact(d):
    if d == 0:
        return "0"
    if d == round(d) and abs(d) < 1e15:
        return str(int(d))
    return repr(d)


def compact(v):
    if isinstance(v, (list, dict)):
        return json.dumps(v, separators=(",", ":"), ensure_ascii=False)
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "null"
    if isinstance(v, float):
        return swift_exact(v)
    return str(v)


def flatten(value, prefix, out):
    if isinstance(value, dict):
        for k, v in value.items():
            flatten(v, f"{prefix}.{k}" if prefix else str(k), out)
    elif prefix:
        out[prefix] = compact(value) if isinstance(value, list) else value


def metrics_of(job):
    out = {}
    for name in sorted(os.listdir(job)):
        if not name.endswith(".csv"):
            continue
        frame = pd.read_csv(os.path.join(job, name), keep_default_na=False, na_values=["NA", ""], float_precision="round_trip")
        step_column = "step" if "step" in frame.columns else ("epoch" if "epoch" in frame.columns else None)
        steps = list(frame[step_column]) if step_column else list(range(len(frame)))
        for column in frame.columns:
            if column in ("step", "epoch"):
                continue
            pairs = [(int(s), float(v)) for s, v in zip(steps, frame[column]) if not pd.isna(v) or str(v) == "nan"]
            pairs.sort(key=lambda p: p[0])
            finite = [v for _, v in pairs if math.isfinite(v)]
            out[column] = {"count": len(pairs), "first": number(pairs[0][1]), "last": number(pairs[-1][1]),
                           "min": min(finite) if finite else None, "max": max(finite) if finite else None,
                           "last_step": pairs[-1][0]}
    return dict(sorted(out.items()))


def main():
    runs = []
    for root, dirs, files in os.walk(here):
        dirs.sort()
        if not os.path.isfile(os.path.join(root, ".hydra", "config.yaml")):
            continue
        config = OmegaConf.to_container(OmegaConf.load(os.path.join(root, ".hydra", "config.yaml")), resolve=False)
        params = {}
        flatten(config, "", params)
        job = yaml.safe_load(open(os.path.join(root, ".hydra", "hydra.yaml")))["hydra"]["job"]
        name = job["name"] + (" " + job["override_dirname"] if job["override_dirname"] else "")
        sweep = os.path.dirname(root)
        if os.path.isfile(os.path.join(sweep, "multirun.yaml")):
            project = f"{job['name']} {os.path.basename(os.path.dirname(sweep))}/{os.path.basename(sweep)}"
        else:
            project = job["name"]
        runs.append({"id": os.path.relpath(root, here), "source": "hydra", "project": project, "name": name,
                     "status": "unknown", "params": dict(sorted(params.items())), "tags": [],
                     "metrics": metrics_of(root)})
    with open(os.path.join(here, "expected-summary.json"), "w") as f:
        json.dump({"runs": sorted(runs, key=lambda r: r["id"])}, f, indent=1, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
