"""Adds edge cases that the shared corpus lacks to the two MLflow fixtures, written by MLflow 3.17.2 itself
(venv: pip install mlflow-skinny==3.17.2 sqlalchemy alembic pandas), then hand-appended metric lines of
the 2-field (legacy) and 5-field (dataset) shapes that MLflow's own reader accepts.

Run once from this folder: python add_edge_cases.py   (already applied to the committed fixtures)
"""
import os
import sys

os.environ["MLFLOW_ALLOW_FILE_STORE"] = "true"
from mlflow.tracking import MlflowClient  # noqa: E402
from mlflow.entities import Metric, Param, RunTag  # noqa: E402

here = os.path.dirname(os.path.abspath(__file__))


def add(client, store_kind):
    exp = client.create_experiment("edge-cases")
    run = client.create_run(exp, run_name="nan-and-inf", tags={"kind": "edge", "mlflow.note.content": "values that are not finite"})
    rid = run.info.run_id
    t = 1700000000000
    points = [(0, 1.5), (1, float("nan")), (2, float("inf")), (3, -float("inf")), (4, 0.25),
              (2, 0.75), (-1, 9.0), (5, 1e-07), (6, 1e20)]
    client.log_batch(rid, metrics=[Metric("weird", v, t + i * 1000, s) for i, (s, v) in enumerate(points)],
                     params=[Param("lr", "0.001"), Param("layers", "3"), Param("flag", "True"), Param("ratio", "3.0")])
    for i in range(4):
        client.log_metric(rid, "all_nan", float("nan"), timestamp=t + i, step=i)
    client.log_metric(rid, "nested/loss", 0.5, timestamp=t, step=0)
    client.log_metric(rid, "nested/loss", 0.4, timestamp=t + 1, step=1)
    client.set_terminated(rid, "KILLED", end_time=t + 60000)

    child = client.create_run(exp, run_name="child-running", tags={"mlflow.parentRunId": rid})
    client.log_metric(child.info.run_id, "x", 1.0, timestamp=t, step=0)

    gone = client.create_run(exp, run_name="deleted-run")
    client.log_metric(gone.info.run_id, "x", 2.0, timestamp=t, step=0)
    client.set_terminated(gone.info.run_id, "FINISHED", end_time=t + 1000)
    client.delete_run(gone.info.run_id)

    trashed = client.create_experiment("deleted-experiment")
    tr = client.create_run(trashed, run_name="in-trash")
    client.log_metric(tr.info.run_id, "x", 3.0, timestamp=t, step=0)
    client.set_terminated(tr.info.run_id, "FAILED", end_time=t + 1000)
    client.delete_experiment(trashed)

    if store_kind == "file":
        exp_dir = os.path.join(here, "filestore", "mlruns", exp)
        legacy = client.create_run(exp, run_name="legacy-lines")
        lid = legacy.info.run_id
        client.set_terminated(lid, "FINISHED", end_time=t + 5000)
        path = os.path.join(exp_dir, lid, "metrics", "mixed_fields")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(f"{t} 0.9\n")                       # 2 fields: step 0
            f.write(f"{t + 1} 0.8 1\n")                 # 3 fields
            f.write(f"{t + 2} 0.7 2 eval-set 3f2a9c\n")  # 5 fields: dataset name and digest
            f.write(f"{t + 3} 0.6\n")                   # 2 fields again: step 0, logged last
            f.write(f"{t + 4} nan 3")                   # last line without its newline
    return exp


def main():
    fs = MlflowClient(tracking_uri="file:" + os.path.join(here, "filestore", "mlruns"))
    add(fs, "file")
    db = MlflowClient(tracking_uri="sqlite:///" + os.path.join(here, "sqlite", "mlflow.db"))
    add(db, "sqlite")
    relocate()


def relocate():
    """Makes the stored artifact locations point to a machine that is gone, as after a copy: the readers
    must fall back to the artifacts next to the run."""
    import sqlite3
    gone = "/data/experiments/fixtures"
    for root, _, files in os.walk(os.path.join(here, "filestore", "mlruns")):
        if "meta.yaml" in files:
            path = os.path.join(root, "meta.yaml")
            text = open(path).read()
            open(path, "w").write(text.replace("file://" + here, "file://" + gone))
    con = sqlite3.connect(os.path.join(here, "sqlite", "mlflow.db"))
    con.execute("UPDATE runs SET artifact_uri = replace(artifact_uri, ?, ?)", (here, gone))
    con.execute("UPDATE experiments SET artifact_location = replace(artifact_location, ?, ?)", (here, gone))
    con.commit()
    con.close()


if __name__ == "__main__":
    sys.exit(main())
