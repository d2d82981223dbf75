"""Expected summary of the Sacred fixture, read with Python's json (which accepts Sacred's bare NaN and
Infinity tokens), in runsite's summary shape. Run from anywhere: python make_expected.py

Fixture: my_runs/1-4 (and _sources) are a copy of the shared corpus `corpora/sacred` (sacred 0.8.7);
run 5 comes from add_edge_cases.py.

Conventions mirrored from runsite (Sources/RunsiteReaders/Sacred):
- run id `my_runs/<id>`, project `my_runs` (the base folder), name `<experiment name> #<id>`;
- status COMPLETED → finished, FAILED → failed, INTERRUPTED/TIMEOUT → killed, RUNNING/QUEUED → running;
- params: config.json flattened with dots, jsonpickle tuples/sets as lists and numpy scalars as values;
  lists become one text value `[a, b]`;
- metrics: JSON numbers only; first/last after a stable sort by step; count includes NaN.
"""
import json
import math
import os

here = os.path.dirname(os.path.abspath(__file__))
STATUS = {"COMPLETED": "finished", "FAILED": "failed", "INTERRUPTED": "killed", "TIMEOUT": "killed",
          "RUNNING": "running", "QUEUED": "running"}


def number(v):
    if v is None:
        return None
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def swift_exact(d):
    if math.isnan(d):
        return "NaN"
    if math.isinf(d):
        return "Infinity" if d > 0 else "-Infinity"
    if d == 0:
        return "0"
    if d == round(d) and abs(d) < 1e15:
        return str(int(d))
    return repr(d)


def unpickle(v):
    if isinstance(v, list):
        return [unpickle(x) for x in v]
    if isinstance(v, dict):
        for key in ("py/tuple", "py/set"):
            if key in v:
                return [unpickle(x) for x in v[key]]
        if "py/object" in v:
            if "value" in v:
                return unpickle(v["value"])
            if "values" in v:
                return unpickle(v["values"])
        return {k: unpickle(x) for k, x in v.items()}
    return v


def compact(v):
    """A list or map param as runsite writes it: compact JSON text."""
    if isinstance(v, (list, dict)):
        return json.dumps(v, separators=(",", ":"), ensure_ascii=False)
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "null"
    if isinstance(v, float):
        return swift_exact(v)
    return str(v)


def flatten(value, prefix, out):
    if isinstance(value, dict):
        for k, v in value.items():
            flatten(v, f"{prefix}.{k}" if prefix else k, out)
    elif prefix:
        out[prefix] = compact(value) if isinstance(value, list) else value


def summary(steps, values):
    points = sorted(zip(steps, values), key=lambda p: p[0])
    finite = [v for _, v in points if math.isfinite(v)]
    return {"count": len(points), "first": number(points[0][1]), "last": number(points[-1][1]),
            "min": min(finite) if finite else None, "max": max(finite) if finite else None,
            "last_step": points[-1][0]}


def main():
    base = os.path.join(here, "my_runs")
    runs = []
    for name in sorted(os.listdir(base)):
        folder = os.path.join(base, name)
        if name.startswith("_") or not os.path.isfile(os.path.join(folder, "run.json")):
            continue
        info = json.load(open(os.path.join(folder, "run.json")))
        params = {}
        flatten(unpickle(json.load(open(os.path.join(folder, "config.json")))), "", params)
        metrics = {}
        for key, entry in json.load(open(os.path.join(folder, "metrics.json"))).items():
            pairs = [(s, float(v)) for s, v in zip(entry["steps"], entry["values"])
                     if isinstance(v, (int, float)) and not isinstance(v, bool)]
            if pairs:
                metrics[key] = summary([p[0] for p in pairs], [p[1] for p in pairs])
        runs.append({
            "id": f"my_runs/{name}", "source": "sacred", "project": "my_runs",
            "name": f"{info['experiment']['name']} #{name}", "status": STATUS[info["status"]],
            "params": dict(sorted(params.items())), "tags": [], "metrics": dict(sorted(metrics.items())),
        })
    with open(os.path.join(here, "expected-summary.json"), "w") as f:
        json.dump({"runs": sorted(runs, key=lambda r: r["id"])}, f, indent=1, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
