"""Writes runs.json (a small sweep) and expected.json (each param's effect on the metric) for
ParamEffectsTests: Spearman's rho from scipy.stats.spearmanr for numeric params, and the textbook
correlation ratio eta = sqrt(SS_between / SS_total) for the others.

    python3 make_expected.py
"""
import json
import math
import os

import numpy as np
from scipy.stats import spearmanr

HERE = os.path.dirname(os.path.abspath(__file__))

# lr has ties and rises with the metric; batch has ties; optimizer and augment are categorical;
# seed does not matter; width is missing from two runs.
runs = [
    {"lr": 0.1, "batch": 32, "optimizer": "sgd", "augment": True, "seed": 0, "width": 64, "y": 0.91},
    {"lr": 0.01, "batch": 64, "optimizer": "adam", "augment": False, "seed": 1, "width": 128, "y": 0.52},
    {"lr": 0.03, "batch": 32, "optimizer": "adam", "augment": True, "seed": 2, "width": 64, "y": 0.61},
    {"lr": 0.1, "batch": 128, "optimizer": "sgd", "augment": False, "seed": 3, "y": 0.88},
    {"lr": 0.003, "batch": 64, "optimizer": "rmsprop", "augment": True, "seed": 4, "width": 256, "y": 0.47},
    {"lr": 0.3, "batch": 128, "optimizer": "sgd", "augment": False, "seed": 5, "width": 128, "y": 1.35},
    {"lr": 0.001, "batch": 32, "optimizer": "rmsprop", "augment": True, "seed": 6, "y": 0.44},
    {"lr": 0.01, "batch": 64, "optimizer": "adam", "augment": False, "seed": 7, "width": 64, "y": 0.55},
]


def eta(labels, y):
    y = np.asarray(y, dtype=float)
    mean = y.mean()
    total = float(((y - mean) ** 2).sum())
    between = 0.0
    for label in sorted(set(labels)):
        group = y[[l == label for l in labels]]
        between += len(group) * (group.mean() - mean) ** 2
    return math.sqrt(between / total)


expected = {}
for key in ["lr", "batch", "optimizer", "augment", "seed", "width"]:
    pairs = [(r[key], r["y"]) for r in runs if key in r]
    xs, ys = [p[0] for p in pairs], [p[1] for p in pairs]
    if all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in xs):
        expected[key] = {"measure": "spearman", "value": float(spearmanr(xs, ys).statistic), "runs": len(pairs)}
    else:
        labels = [json.dumps(x) if isinstance(x, bool) else str(x) for x in xs]
        expected[key] = {"measure": "eta", "value": eta(labels, ys), "runs": len(pairs)}

with open(os.path.join(HERE, "runs.json"), "w") as f:
    json.dump(runs, f, indent=1)
    f.write("\n")
with open(os.path.join(HERE, "expected.json"), "w") as f:
    json.dump(expected, f, indent=1, sort_keys=True)
    f.write("\n")
