"""Expected summaries of the MLflow fixtures, computed with MLflow's own client (mlflow-skinny 3.17.2).

Fixtures: filestore/mlruns is a copy of the shared corpus `corpora/mlflow` and sqlite/ of `corpora/mlflow-sqlite`
(both written by MLflow 3.17.2), plus the experiment `edge-cases` written by add_edge_cases.py.

    python -m venv /tmp/venv && /tmp/venv/bin/pip install mlflow-skinny==3.17.2 sqlalchemy alembic
    /tmp/venv/bin/python make_expected.py

Writes filestore/expected-summary.json and sqlite/expected-summary.json in runsite's summary shape.
The stores are copied to a temporary folder first because MLflow's client creates folders (`.trash`)
and may touch the database.

Conventions mirrored from runsite (see Sources/RunsiteReaders/MLflow):
- run id: `mlruns/<experiment id>/<run id>` (file store), `mlflow.db/<experiment id>/<run uuid>` (SQLite);
- project: the experiment name; active runs of active experiments only (ViewType.ACTIVE_ONLY);
- tags: user tags (not `mlflow.`-prefixed) as `key=value`, sorted by key;
- params: strings, except that text which is exactly an integer's or a number's own text becomes that number;
- metrics: `get_metric_history` in MLflow's order, sorted stably by step; count includes NaN,
  min/max over finite values, first/last after the sort.
"""
import json
import math
import os
import re
import shutil
import tempfile

os.environ["MLFLOW_ALLOW_FILE_STORE"] = "true"
from mlflow.entities import ViewType  # noqa: E402
from mlflow.tracking import MlflowClient  # noqa: E402

here = os.path.dirname(os.path.abspath(__file__))
STATUS = {"RUNNING": "running", "SCHEDULED": "running", "FINISHED": "finished", "FAILED": "failed", "KILLED": "killed"}


def number(v):
    if v is None:
        return None
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def swift_exact(d):
    """runsite's NumberText.exact: integral values without '.0', else the shortest round-trip text."""
    if d == 0:
        return "0"
    if d == round(d) and abs(d) < 1e15:
        return str(int(d))
    return repr(d)


def param(text):
    if re.fullmatch(r"-?[0-9]+", text) and str(int(text)) == text and -2**63 <= int(text) < 2**63:
        return int(text)
    if text[:1].isdigit() or text[:1] == "-":
        try:
            d = float(text)
        except ValueError:
            return text
        if math.isfinite(d) and swift_exact(d) == text:
            return d
    return text


def summary(history):
    points = sorted(history, key=lambda m: m.step)  # stable: MLflow's order among equal steps
    finite = [m.value for m in points if math.isfinite(m.value)]
    return {
        "count": len(points),
        "first": number(points[0].value) if points else None,
        "last": number(points[-1].value) if points else None,
        "min": min(finite) if finite else None,
        "max": max(finite) if finite else None,
        "last_step": points[-1].step if points else None,
    }


def expected(client, run_id_of):
    runs = []
    for exp in client.search_experiments(view_type=ViewType.ACTIVE_ONLY):
        for run in client.search_runs([exp.experiment_id], run_view_type=ViewType.ACTIVE_ONLY, max_results=50000):
            tags = run.data.tags
            metrics = {}
            for key in run.data.metrics:
                metrics[key] = summary(client.get_metric_history(run.info.run_id, key))
            runs.append({
                "id": run_id_of(exp, run),
                "source": "mlflow",
                "project": exp.name,
                "name": run.info.run_name or tags.get("mlflow.runName") or run.info.run_id,
                "status": STATUS.get(run.info.status, "unknown"),
                "params": {k: param(v) for k, v in sorted(run.data.params.items())},
                "tags": [f"{k}={v}" for k, v in sorted(tags.items()) if not k.startswith("mlflow.")],
                "metrics": dict(sorted(metrics.items())),
            })
    return {"runs": sorted(runs, key=lambda r: r["id"])}


def write(path, data):
    with open(path, "w") as f:
        json.dump(data, f, indent=1, sort_keys=False, allow_nan=False)
        f.write("\n")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(os.path.join(here, "filestore", "mlruns"), os.path.join(tmp, "fs", "mlruns"))
        # git drops empty folders, and MLflow only finds a run whose metrics/, params/ and artifacts/ exist.
        for root, dirs, files in os.walk(os.path.join(tmp, "fs", "mlruns")):
            if "meta.yaml" in files and "run_id:" in open(os.path.join(root, "meta.yaml")).read():
                for sub in ("metrics", "params", "artifacts", "tags"):
                    os.makedirs(os.path.join(root, sub), exist_ok=True)
        client = MlflowClient(tracking_uri="file:" + os.path.join(tmp, "fs", "mlruns"))
        write(os.path.join(here, "filestore", "expected-summary.json"),
              expected(client, lambda e, r: f"mlruns/{e.experiment_id}/{r.info.run_id}"))
        shutil.copy(os.path.join(here, "sqlite", "mlflow.db"), os.path.join(tmp, "mlflow.db"))
        client = MlflowClient(tracking_uri="sqlite:///" + os.path.join(tmp, "mlflow.db"))
        write(os.path.join(here, "sqlite", "expected-summary.json"),
              expected(client, lambda e, r: f"mlflow.db/{e.experiment_id}/{r.info.run_id}"))


if __name__ == "__main__":
    main()
