#!/usr/bin/env python3
"""A toy model to publish: logistic regression on a synthetic two-class problem, trained by
gradient descent with the standard library only, logging in runsite's own format
(docs/format.md): RUNS/project.json and RUNS/NAME/runsite.json, params.json and metrics.jsonl.

    python3 train.py --out runs --lr 0.1 --seed 1 --epochs 20

The same arguments give the same files, byte for byte: the data and the start come from the seed,
and no clock is read (runsite takes the run's times from SOURCE_DATE_EPOCH at build time).
"""
import argparse
import json
import math
import os
import random


def make_data(rng, n):
    """Two Gaussian blobs in 2-D, labels 0 and 1."""
    points = []
    for i in range(n):
        label = i % 2
        centre = (1.0, 1.0) if label else (-1.0, -1.0)
        points.append(((rng.gauss(centre[0], 1.2), rng.gauss(centre[1], 1.2)), label))
    return points


def evaluate(w, b, data):
    """Mean cross-entropy and accuracy."""
    loss, correct = 0.0, 0
    for (x0, x1), y in data:
        p = 1.0 / (1.0 + math.exp(-(w[0] * x0 + w[1] * x1 + b)))
        p = min(max(p, 1e-12), 1 - 1e-12)
        loss -= y * math.log(p) + (1 - y) * math.log(1 - p)
        correct += (p >= 0.5) == (y == 1)
    return loss / len(data), correct / len(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="runs")
    parser.add_argument("--lr", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--status", default="finished", help="finished, or running for a run still going")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    train, val = make_data(rng, 200), make_data(rng, 100)
    w, b = [rng.uniform(-0.1, 0.1), rng.uniform(-0.1, 0.1)], 0.0
    name = f"lr{args.lr:g}-seed{args.seed}"
    folder = os.path.join(args.out, name)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "params.json"), "w") as f:
        json.dump({"optimizer": {"name": "sgd", "lr": args.lr}, "seed": args.seed, "epochs": args.epochs}, f, indent=2, sort_keys=True)
    with open(os.path.join(folder, "metrics.jsonl"), "w") as f:
        for epoch in range(args.epochs):
            gw0 = gw1 = gb = 0.0
            for (x0, x1), y in train:
                p = 1.0 / (1.0 + math.exp(-(w[0] * x0 + w[1] * x1 + b)))
                gw0 += (p - y) * x0
                gw1 += (p - y) * x1
                gb += p - y
            w[0] -= args.lr * gw0 / len(train)
            w[1] -= args.lr * gw1 / len(train)
            b -= args.lr * gb / len(train)
            train_loss, _ = evaluate(w, b, train)
            val_loss, val_acc = evaluate(w, b, val)
            # Rounded so that the logged numbers read the same on every platform's libm.
            f.write(json.dumps({"step": epoch + 1, "epoch": epoch + 1, "train/loss": round(train_loss, 6),
                                "val/loss": round(val_loss, 6), "val/acc": round(val_acc, 6)}) + "\n")
    with open(os.path.join(folder, "runsite.json"), "w") as f:
        json.dump({"name": name, "status": args.status, "tags": ["ci"]}, f, indent=2, sort_keys=True)
    with open(os.path.join(args.out, "project.json"), "w") as f:
        json.dump({"name": "toy-model", "description": "Logistic regression on two Gaussian blobs"}, f, indent=2, sort_keys=True)
    print(f"{name}: val/loss {val_loss:.4f}, val/acc {val_acc:.3f}")


if __name__ == "__main__":
    main()
