"""Peer: TensorBoard's EventAccumulator with every scalar kept, one accumulator per run directory.

usage: tb_event_accumulator.py LOGDIR [--dump FILE.json]
"""
import argparse
import os

from _common import finish, summarize  # noqa: E402  (imported before tensorboard: starts the clock)

from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from tensorboard.util import tensor_util


def run_dirs(logdir):
    for root, _dirs, files in os.walk(logdir):
        if any("tfevents" in f for f in files):
            yield root


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("logdir")
    ap.add_argument("--dump")
    args = ap.parse_args()
    summaries, runs, series, points = {}, 0, 0, 0
    for d in sorted(run_dirs(args.logdir)):
        acc = EventAccumulator(d, size_guidance={"scalars": 0, "tensors": 0})
        acc.Reload()
        runs += 1
        run = {}
        tags = acc.Tags()
        for tag in tags["scalars"]:
            events = acc.Scalars(tag)
            run[tag] = [(e.step, e.value) for e in events]
        for tag in tags.get("tensors", []):  # TF2 summaries store scalars as tensors
            if tag in run:
                continue
            events = acc.Tensors(tag)
            run[tag] = [(e.step, float(tensor_util.make_ndarray(e.tensor_proto))) for e in events]
        series += len(run)
        points += sum(len(v) for v in run.values())
        summaries[os.path.relpath(d, args.logdir)] = {k: summarize(v) for k, v in run.items()}
    finish("tb_event_accumulator", runs, series, points, args.dump, summaries)


if __name__ == "__main__":
    main()
