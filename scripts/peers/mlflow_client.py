"""Peer: MLflow's client on a file store: search_experiments, search_runs, get_metric_history per metric.

usage: mlflow_client.py MLRUNS_DIR [--dump FILE.json]
MLflow 3.x refuses file stores unless MLFLOW_ALLOW_FILE_STORE=true (set here if unset).
"""
import argparse
import os

os.environ.setdefault("MLFLOW_ALLOW_FILE_STORE", "true")

from _common import finish, summarize  # noqa: E402

from mlflow.entities import ViewType  # noqa: E402
from mlflow.tracking import MlflowClient  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mlruns")
    ap.add_argument("--dump")
    args = ap.parse_args()
    client = MlflowClient(tracking_uri="file:" + os.path.abspath(args.mlruns))
    experiments = client.search_experiments(view_type=ViewType.ACTIVE_ONLY)
    ids = [e.experiment_id for e in experiments]
    runs, token = [], None
    while True:
        page = client.search_runs(ids, max_results=1000, page_token=token)
        runs.extend(page)
        token = page.token
        if not token:
            break
    summaries, series, points = {}, 0, 0
    for r in runs:
        out = {}
        for key in r.data.metrics:
            history = client.get_metric_history(r.info.run_id, key)
            out[key] = summarize([(m.step, m.value) for m in history])
            series += 1
            points += len(history)
        summaries[f"mlruns/{r.info.experiment_id}/{r.info.run_id}"] = out
    finish("mlflow_client", len(runs), series, points, args.dump, summaries)


if __name__ == "__main__":
    main()
