"""Peer: pandas reads each Lightning metrics.csv, matplotlib writes one SVG per metric.

usage: pandas_matplotlib.py LIGHTNING_DIR OUT_DIR
"""
import argparse
import os

from _common import finish

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("out")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    runs = series = points = 0
    for root, _dirs, files in sorted(os.walk(args.root)):
        if "metrics.csv" not in files:
            continue
        df = pd.read_csv(os.path.join(root, "metrics.csv"))
        runs += 1
        name = os.path.relpath(root, args.root).replace(os.sep, "_")
        for col in df.columns:
            if col in ("epoch", "step"):
                continue
            s = df[["step", col]].dropna()
            fig, ax = plt.subplots(figsize=(6, 3.5))
            ax.plot(s["step"], s[col], linewidth=1)
            ax.set_title(col)
            ax.set_xlabel("step")
            fig.savefig(os.path.join(args.out, f"{name}_{col.replace('/', '_')}.svg"))
            plt.close(fig)
            series += 1
            points += len(s)
    finish("pandas_matplotlib", runs, series, points)


if __name__ == "__main__":
    main()
