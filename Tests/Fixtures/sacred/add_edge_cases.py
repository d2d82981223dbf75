"""Adds run 5 to my_runs/: the shapes Sacred writes that the shared corpus lacks, written with Python's
json exactly as Sacred's FileStorageObserver does (json.dump(sort_keys=True, indent=2), which writes
bare NaN / Infinity / -Infinity): non-finite values, repeated and backward steps, a jsonpickle tuple and
numpy scalar in config.json, timestamps without a fraction, status INTERRUPTED. Already applied.
"""
import json
import os

here = os.path.dirname(os.path.abspath(__file__))
run = os.path.join(here, "my_runs", "5")
os.makedirs(run, exist_ok=True)


def dump(name, value):
    with open(os.path.join(run, name), "w") as f:
        json.dump(value, f, sort_keys=True, indent=2)


dump("config.json", {
    "seed": 5, "lr": 0.1, "optimizer": {"name": "sgd", "momentum": 0.9, "nesterov": True},
    "shape": {"py/tuple": [28, 28]}, "scale": {"py/object": "numpy.float64", "dtype": "float64", "value": 0.5},
    "note": None,
})
dump("run.json", {
    "artifacts": [], "command": "train", "heartbeat": "2026-11-29T11:30:10",
    "experiment": {"name": "mnist_mlp", "base_dir": "/data/experiments/shared/sacred", "sources": []},
    "host": {"hostname": "vm", "os": ["Linux", "Linux-6"], "python_version": "3.11.2", "cpu": "AMD EPYC"},
    "meta": {"command": "train", "comment": "edge cases", "options": {}},
    "resources": [], "result": None, "start_time": "2026-11-29T11:30:00", "status": "INTERRUPTED",
    "stop_time": "2026-11-29T11:30:10.5",
})
dump("metrics.json", {
    "loss": {"steps": [0, 1, 2, 3, 4, 2], "values": [1.0, float("nan"), float("inf"), -float("inf"), 0.5, 0.25],
             "timestamps": ["2026-11-29T11:30:01", "2026-11-29T11:30:02.25", "2026-11-29T11:30:03",
                            "2026-11-29T11:30:04", "2026-11-29T11:30:05", "2026-11-29T11:30:06"]},
    "only_nan": {"steps": [0, 1], "values": [float("nan"), float("nan")],
                 "timestamps": ["2026-11-29T11:30:01", "2026-11-29T11:30:02"]},
    "backwards": {"steps": [10, 5, 0], "values": [3, 2, 1],
                  "timestamps": ["2026-11-29T11:30:01", "2026-11-29T11:30:02", "2026-11-29T11:30:03"]},
})
with open(os.path.join(run, "cout.txt"), "w") as f:
    f.write("INFO - mnist_mlp - Running command 'train'\n")
