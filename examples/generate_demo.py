#!/usr/bin/env python3
"""Writes examples/demo: a realistic runsite project (10 runs) with every kind of content the
site shows. Deterministic (fixed seed); rerun to regenerate: python3 examples/generate_demo.py"""
import json, math, os, random, shutil, struct, zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "demo")
CLASSES = ["cat", "dog", "bird", "frog", "horse"]


def png(width, height, pixel):
    """A tiny RGB PNG, written by hand so the generator needs no packages."""
    raw = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)


def run(name, rng, *, lr, batch, optimizer, seed, status, start, steps, tags, notes, crash_at=None, nan_at=None):
    d = os.path.join(ROOT, "cifar-sweep", "runs", name)
    end = None if status == "running" else start + steps * 2.5
    meta = {"name": name, "status": status, "start": time_iso(start), "user": rng.choice(["ada", "grace", "alan"]),
            "tags": tags, "notes": notes, "group": f"{optimizer}-lr{lr}"}
    if end is not None:
        meta["end"] = end
    write(os.path.join(d, "runsite.json"), json.dumps(meta, indent=2) + "\n")
    params = {"optimizer": {"name": optimizer, "lr": lr, "momentum": 0.9 if optimizer == "sgd" else None},
              "data": {"batch_size": batch, "augment": rng.random() < 0.5}, "model": {"depth": 18, "width": 64},
              "seed": seed}
    write(os.path.join(d, "params.json"), json.dumps(params, indent=2) + "\n")
    lines = []
    loss, acc = 2.3, 0.1
    # Loss falls fastest near a sweet spot of the learning rate (1e-3 for adam, 1e-1 for sgd).
    best = 1e-3 if optimizer == "adam" else 1e-1
    rate = 2.5 * math.exp(-abs(math.log10(lr / best)) * 1.2)
    last = steps if crash_at is None else crash_at
    for step in range(0, last + 1, 10):
        loss = max(0.05, loss * (1 - rate * 0.01) + rng.gauss(0, 0.02))
        spike = 1.8 if rng.random() < 0.01 else 1.0
        acc = min(0.99, 1 - loss / 2.6 + rng.gauss(0, 0.01))
        row = {"step": step, "time": round(start + step * 2.5, 3), "epoch": step // 100, "train/loss": round(loss * spike, 6)}
        if nan_at is not None and step == nan_at:
            row["train/loss"] = "NaN"
        if step % 50 == 0:
            row["val/loss"] = round(loss * 1.1 + rng.gauss(0, 0.01), 6)
            row["val/acc"] = round(acc - 0.02, 6)
            row["lr"] = round(lr * 0.5 * (1 + math.cos(math.pi * step / steps)), 8)
        lines.append(json.dumps(row))
    write(os.path.join(d, "metrics.jsonl"), "\n".join(lines) + "\n")
    # A confusion matrix at the end of training, rows = true classes.
    quality = max(0.2, min(0.95, acc))
    matrix = []
    for i in range(len(CLASSES)):
        total = 200
        right = int(total * quality)
        row = [0] * len(CLASSES)
        row[i] = right
        for _ in range(total - right):
            row[rng.choice([j for j in range(len(CLASSES)) if j != i])] += 1
        matrix.append(row)
    write(os.path.join(d, "confusion", "val.json"), json.dumps({"labels": CLASSES, "matrix": matrix, "step": last}) + "\n")
    # Images: a sample grid and a "prediction" heat image.
    hue = (seed * 53) % 255
    write(os.path.join(d, "images", "samples", "batch_0.png"),
          png(48, 48, lambda x, y: ((x * 5 + hue) % 256, (y * 5) % 256, (x * y + hue) % 256)))
    write(os.path.join(d, "images", "attention map.png"),
          png(32, 32, lambda x, y: (int(255 * (0.5 + 0.5 * math.sin((x + seed) / 4))), 80, int(255 * (0.5 + 0.5 * math.cos(y / 5))))))
    # Artifacts: weights, predictions, a config, and a name that needs URL escaping.
    write(os.path.join(d, "artifacts", "model.pt"), bytes(rng.getrandbits(8) for _ in range(4096)))
    preds = "id,label,predicted,confidence\n" + "".join(
        f"{i},{rng.choice(CLASSES)},{rng.choice(CLASSES)},{rng.random():.4f}\n" for i in range(40))
    write(os.path.join(d, "artifacts", "predictions.csv"), preds)
    write(os.path.join(d, "artifacts", "eval #1 (final)?.json"), json.dumps({"val/acc": round(acc, 4), "seed": seed}, indent=2) + "\n")


def time_iso(seconds):
    import datetime
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def long_run(rng):
    """One run with a 20,000-point series in metrics.csv, to show decimation and spikes."""
    d = os.path.join(ROOT, "pretraining", "long-pretrain")
    write(os.path.join(d, "runsite.json"), json.dumps({
        "name": "long-pretrain", "status": "finished", "start": 1795200000, "end": 1795200000 + 20000 * 0.4,
        "user": "grace", "tags": ["pretrain", "long"],
        "notes": "Pre-training run with **20,000** logged steps.\n\nOne loss spike at step 12,345 must stay visible."}, indent=2) + "\n")
    write(os.path.join(d, "params.json"), json.dumps({"optimizer": {"name": "adam", "lr": 0.0003}, "seed": 0,
                                                       "data": {"batch_size": 512}}, indent=2) + "\n")
    rows = ["step,time,train/loss,grad_norm"]
    loss = 4.0
    for step in range(20000):
        loss = max(0.3, loss * 0.9997 + rng.gauss(0, 0.01))
        value = loss * (6 if step == 12345 else 1)
        grad = "" if step % 7 else f"{abs(rng.gauss(1, 0.3)):.5f}"
        rows.append(f"{step},{1795200000 + step * 0.4:.1f},{value:.6f},{grad}")
    write(os.path.join(d, "metrics.csv"), "\n".join(rows) + "\n")


def main():
    if os.path.exists(ROOT):
        shutil.rmtree(ROOT)
    rng = random.Random(20261129)
    write(os.path.join(ROOT, "pretraining", "project.json"), json.dumps({
        "name": "pretraining", "description": "Long pre-training runs (20,000 steps) whose charts are decimated."}, indent=2) + "\n")
    write(os.path.join(ROOT, "cifar-sweep", "project.json"), json.dumps({
        "name": "cifar-sweep", "description": "A learning-rate and optimizer sweep on a small image classifier."}, indent=2) + "\n")
    write(os.path.join(ROOT, "cifar-sweep", "README.md"), "Sweep over **optimizer** × **learning rate**, three seeds for the best setting.\n\n"
          "Built with `runsite build examples --out site`.\n")
    t0 = 1795000000
    configs = [
        ("adam-lr1e-3-s0", 0.001, 128, "adam", 0, "finished", ["baseline"], "Baseline run.", None, None),
        ("adam-lr1e-3-s1", 0.001, 128, "adam", 1, "finished", ["seed"], "Same as baseline, seed 1.", None, None),
        ("adam-lr1e-3-s2", 0.001, 128, "adam", 2, "finished", ["seed"], "Same as baseline, seed 2.", None, None),
        ("adam-lr3e-3", 0.003, 128, "adam", 0, "finished", [], "Higher learning rate.", None, None),
        ("sgd-lr1e-1", 0.1, 256, "sgd", 0, "finished", ["sgd"], "SGD with momentum.", None, None),
        ("sgd-lr3e-1", 0.3, 256, "sgd", 0, "failed", ["sgd", "diverged"], "Diverged: loss became NaN at step 600.", 700, 600),
        ("adam-lr1e-2", 0.01, 64, "adam", 0, "killed", ["oom"], "Killed by the scheduler (out of memory).", 450, None),
        ("adam-lr5e-4-<b>bold</b>", 0.0005, 128, "adam", 3, "running", ["wip"],
         "Still training. Its name tests escaping: <script>alert(1)</script>", 800, None),
    ]
    for i, (name, lr, batch, opt, seed, status, tags, notes, crash, nan) in enumerate(configs):
        safe = name.replace("<", "").replace(">", "").replace("/", "")
        run(safe, rng, lr=lr, batch=batch, optimizer=opt, seed=seed, status=status, start=t0 + i * 4000, steps=1500,
            tags=tags, notes=notes, crash_at=crash, nan_at=nan)
        if safe != name:
            p = os.path.join(ROOT, "cifar-sweep", "runs", safe, "runsite.json")
            meta = json.load(open(p))
            meta["name"] = name
            write(p, json.dumps(meta, indent=2) + "\n")
    long_run(rng)
    # A run folder with problems, to show diagnostics: a malformed line and an unknown file.
    bad = os.path.join(ROOT, "cifar-sweep", "runs", "broken-logging")
    write(os.path.join(bad, "runsite.json"), json.dumps({"name": "broken-logging", "status": "failed", "start": t0 + 40000}) + "\n")
    write(os.path.join(bad, "metrics.jsonl"), '{"step": 0, "train/loss": 2.5}\n{"step": 10, "train/loss": 2.1\n{"step": 20, "train/loss": 1.9}\n')


if __name__ == "__main__":
    main()
