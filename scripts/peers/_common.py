"""Shared helpers for the peer scripts: timing, peak RSS and the summary the numbers check compares."""
import json
import math
import resource
import sys
import time

START = time.perf_counter()


def summarize(points):
    """points: (step, value) in logged order -> runsite's summary fields (docs/format.md)."""
    pts = sorted(points, key=lambda p: p[0])  # stable, like runsite's sort by step
    finite = [v for _, v in pts if math.isfinite(v)]
    return {
        "count": len(pts),
        "first": pts[0][1] if pts else None,
        "last": pts[-1][1] if pts else None,
        "min": min(finite) if finite else None,
        "max": max(finite) if finite else None,
        "last_step": pts[-1][0] if pts else None,
    }


def finish(name, runs, series, points, dump=None, summaries=None):
    """Prints one machine-readable line on stderr; optionally writes {run: {metric: summary}} as JSON."""
    work = time.perf_counter() - START
    if dump and summaries is not None:
        with open(dump, "w") as f:
            json.dump(summaries, f, allow_nan=True, sort_keys=True)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peer {name}: runs={runs} series={series} points={points} "
          f"in_process_s={work:.3f} peak_rss_mb={peak_kib / 1024:.1f}", file=sys.stderr)
