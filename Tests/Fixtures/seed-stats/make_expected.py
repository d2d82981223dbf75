"""Writes expected.json for SeedStatisticsTests: per group of seeds, NumPy's and SciPy's mean,
standard deviation (ddof=1), standard error, median and quartiles (numpy.percentile, linear), the
interquartile mean as rliable computes it (scipy.stats.trim_mean(x, 0.25)), the range of SciPy's
95 % percentile-bootstrap intervals of the IQM over 20 seeds (10,000 resamples each), and Welch's
t-test p-value of each group against the baseline (scipy.stats.ttest_ind(equal_var=False)).

    python3 make_expected.py
"""
import json
import os

import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))

groups = {
    "adam": [0.8412, 0.8379, 0.8327, 0.8451, 0.8398],
    "sgd": [0.7915, 0.8102, 0.7789, 0.8034, 0.7951],
    "rmsprop": [0.8301, 0.8456, 0.8122, 0.8399, 0.8287, 0.8211],
    "lion": [0.85, 0.84],
}
baseline = "sgd"


def iqm(x, axis=-1):
    return stats.trim_mean(x, 0.25, axis=axis)


expected = {"baseline": baseline, "groups": {}}
for name, values in groups.items():
    x = np.asarray(values)
    lows, highs = [], []
    for seed in range(20):
        ci = stats.bootstrap((x,), iqm, n_resamples=10_000, method="percentile", confidence_level=0.95,
                             random_state=seed).confidence_interval
        lows.append(ci.low)
        highs.append(ci.high)
    entry = {
        "values": values,
        "mean": float(np.mean(x)),
        "std": float(np.std(x, ddof=1)),
        "sem": float(stats.sem(x)),
        "median": float(np.percentile(x, 50)),
        "q1": float(np.percentile(x, 25)),
        "q3": float(np.percentile(x, 75)),
        "iqm": float(iqm(x)),
        "ci_low_range": [float(min(lows)), float(max(lows))],
        "ci_high_range": [float(min(highs)), float(max(highs))],
    }
    if name != baseline:
        entry["welch_p"] = float(stats.ttest_ind(x, np.asarray(groups[baseline]), equal_var=False).pvalue)
    expected["groups"][name] = entry

with open(os.path.join(HERE, "expected.json"), "w") as f:
    json.dump(expected, f, indent=1, sort_keys=True)
    f.write("\n")
