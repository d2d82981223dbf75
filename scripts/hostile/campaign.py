#!/usr/bin/env python3
"""The hostile-input campaign: builds run folders that attack runsite (docs/security.md) and checks
that each build finishes in bounded time and memory with a warning, and publishes, fetches, runs and
deletes nothing it should not.

    python3 scripts/hostile/campaign.py --runsite .build/release/runsite [--only NAME] [--keep]
"""
import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import formats as F  # noqa: E402
from harness import SECRET, debris, run, site_problems, snapshot  # noqa: E402

CASES = []
ACTIVE = (".html", ".htm", ".shtml", ".xht", ".xhtml", ".mht", ".mhtml", ".svg", ".xml", ".xsl")
SCRIPT = "<script>alert('RUNSITE-PAYLOAD')</script>"


def excerpt(stderr):
    """The lines of stderr that say what went wrong, without a crash's register dump."""
    lines = [l for l in stderr.splitlines() if "rror" in l or "atal" in l or "warning" in l]
    return " | ".join(lines[:4])[:600] or stderr[:300]


def case(fn):
    CASES.append(fn)
    return fn


class Case:
    def __init__(self, root, binary, limits):
        self.root, self.binary, self.limits = root, binary, limits
        self.input = os.path.join(root, "in")
        self.site = os.path.join(root, "site")
        self.outside = os.path.join(root, "outside")
        self.failures, self.notes = [], []
        os.makedirs(self.input)
        F.write(os.path.join(self.outside, "secret.txt"), SECRET + "\n")
        F.write(os.path.join(self.outside, "secret.json"), json.dumps({"token": SECRET}))
        F.write(os.path.join(self.outside, "victim.txt"), "keep me\n")

    def fail(self, message):
        if message not in self.failures:
            self.failures.append(message)

    def expect(self, condition, message):
        if not condition:
            self.fail(message)

    def runsite(self, *args, timeout=None, env=None, cwd=None):
        return run(self.binary, list(args), timeout=timeout or self.limits["seconds"], env=env, cwd=cwd)

    def build(self, *extra, status=0, timeout=None, peak_mb=None, env=None, check_site=True):
        """Builds the input into the site and checks everything every build must keep."""
        before = snapshot(self.input)
        outside_before = snapshot(self.outside)
        result = self.runsite("build", self.input, "--out", self.site, *extra, timeout=timeout, env=env)
        if result.status in ("timeout", "memory"):
            self.fail(f"build killed: over {timeout or self.limits['seconds']} s or 4 GB ({result.status})")
        elif status is not None and result.status != status:
            self.fail(f"build exited {result.status}, expected {status}: {excerpt(result.stderr)}")
        limit = peak_mb or self.limits["peak_mb"]
        self.expect(result.peak_mb <= limit, f"peak memory {result.peak_mb:.0f} MB over {limit} MB")
        after = snapshot(self.input)
        if before != after:
            changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
            self.fail(f"the input changed: {changed[:5]}")
        self.expect(snapshot(self.outside) == outside_before, "a file outside the input and the site changed")
        if check_site and result.status == 0:
            for problem in site_problems(self.site, [SECRET, self.root]):
                self.fail(problem)
        left = debris(self.root)
        self.expect(not left, f"debris beside the site: {left}")
        self.notes.append(f"{result.seconds:.1f} s, {result.peak_mb:.0f} MB")
        return result

    def warned(self, result, *texts):
        for text in texts:
            self.expect(text in result.stderr, f"no warning naming {text!r}; stderr: {result.stderr[-600:]}")

    def site_files(self):
        found = {}
        for folder, _, files in os.walk(self.site):
            for name in files:
                path = os.path.join(folder, name)
                found[os.path.relpath(path, self.site)] = path
        return found


# --- Crashes and hangs from small files.

@case
def time_past_int_max(c):
    F.runsite_run(os.path.join(c.input, "p", "end"), {"status": "finished", "start": 0, "end": 1e19})
    F.runsite_run(os.path.join(c.input, "p", "time"), {"status": "finished"},
                  metrics=[{"step": 0, "time": 1e300, "loss": 1}, {"step": 1, "time": 0, "loss": 2}])
    F.tensorboard_run(os.path.join(c.input, "tb", "run"), [F.tb_event(1e19, 1, "loss", 0.5)])
    F.mlflow_run(os.path.join(c.input, "ml"), end_time="1.0e+30")
    c.build()
    table = c.runsite("export", "table", c.input)
    c.expect(table.status == 0, f"export table exited {table.status}: {excerpt(table.stderr)}")


def edited_digests(c, edit):
    """Digests of the case's input, each run changed by `edit` as a hand-made digest would be."""
    digests = os.path.join(c.root, "digests")
    c.runsite("digest", c.input, "--out", digests, "-q")
    for name in os.listdir(digests):
        path = os.path.join(digests, name)
        with open(path) as f:
            data = json.load(f)
        edit(data["run"])
        with open(path, "w") as f:
            json.dump(data, f)
    return digests


@case
def digest_param_without_value(c):
    F.runsite_run(os.path.join(c.input, "p", "r"), params={"lr": 0.1, "seed": 1})
    digests = edited_digests(c, lambda run: run["params"]["values"].pop("seed", None))
    result = c.runsite("build", "--from-digests", digests, "--out", c.site)
    c.expect(result.status == 0, f"build from the digest exited {result.status}: {excerpt(result.stderr)}")


@case
def digest_naming_outside_files(c):
    run = F.runsite_run(os.path.join(c.input, "p", "r"))
    F.write(os.path.join(run, "artifacts", "a.txt"), "own\n")
    F.write(os.path.join(run, "images", "i.png"), b"\x89PNG\r\n\x1a\n")
    secret = os.path.join(c.outside, "secret.txt")

    def name_the_secret(run):
        for artifact in run["artifacts"]:
            artifact["sourceFile"] = secret
        for image in run["images"]:
            image["content"] = {"file": secret}

    digests = edited_digests(c, name_the_secret)
    result = c.runsite("build", "--from-digests", digests, "--out", c.site)
    c.expect(result.status == 0, f"build exited {result.status}: {excerpt(result.stderr)}")
    for problem in site_problems(c.site, [SECRET]):
        c.fail(problem)


@case
def deep_nesting(c):
    deep = "[" * 200_000 + "]" * 200_000
    run = F.runsite_run(os.path.join(c.input, "p", "r"))
    F.write(os.path.join(run, "params.json"), '{"a": ' + deep + "}")
    F.write(os.path.join(run, "metrics.jsonl"), '{"step": 0, "loss": ' + deep + "}\n" + '{"step": 1, "loss": 1}\n')
    F.write(os.path.join(run, "confusion", "c.json"), '{"labels": ' + deep + "}")
    F.write(os.path.join(c.input, "p", "q", "runsite.json"), '{"name": ' + deep + "}")
    result = c.build()
    c.warned(result, "params.json")


@case
def yaml_alias_bombs(c):
    F.dvclive_run(os.path.join(c.input, "dvc", "dvclive"), params_yaml=F.YAML_BOMB)
    F.lightning_run(os.path.join(c.input, "lit", "lightning_logs", "version_0"), hparams_yaml=F.YAML_BOMB)
    F.hydra_run(os.path.join(c.input, "hy", "outputs", "2024-01-01", "12-00-00"), config_yaml=F.YAML_BOMB)
    run = F.mlflow_run(os.path.join(c.input, "ml"))
    with open(os.path.join(run, "meta.yaml"), "a") as f:
        f.write(F.YAML_BOMB.replace("a: &a", "zz: &a"))
    result = c.build(timeout=60, peak_mb=1000)
    c.warned(result, "params.yaml", "hparams.yaml", "config.yaml", "meta.yaml")


@case
def hostile_sqlite_store(c):
    F.mlflow_db(os.path.join(c.input, "store", "mlflow.db"), hostile_params_view=True)
    scratch = os.path.join(c.root, "tmp")
    os.makedirs(scratch)
    result = c.build(timeout=60, env={"TMPDIR": scratch, "SQLITE_TMPDIR": scratch})
    used = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(scratch) for f in fs)
    c.expect(used < 10_000_000, f"{used} bytes of temporary files")
    c.warned(result, "mlflow.db")


@case
def sqlite_wal_without_shm(c):
    source = os.path.join(c.root, "wal", "mlflow.db")
    F.mlflow_db(source)
    keep = __import__("sqlite3").connect(source)
    keep.execute("PRAGMA journal_mode=WAL")
    keep.execute("INSERT INTO metrics VALUES ('loss', 0.5, 1700000001000, 'r1', 1, 0)")
    keep.commit()
    target = os.path.join(c.input, "store")
    os.makedirs(target)
    for suffix in ("", "-wal"):
        if os.path.exists(source + suffix):
            shutil.copy(source + suffix, os.path.join(target, "mlflow.db" + suffix))
    keep.close()
    c.build()
    c.expect(not os.path.exists(os.path.join(target, "mlflow.db-shm")), "mlflow.db-shm was created in the input")


@case
def fifos(c):
    run = F.dvclive_run(os.path.join(c.input, "dvc", "dvclive"), artifacts={"model": "model.pt"})
    os.mkfifo(os.path.join(run, "model.pt"))
    own = os.path.join(c.input, "own", "r")
    F.runsite_run(own)
    os.mkfifo(os.path.join(own, "metrics.jsonl"))
    os.mkfifo(os.path.join(own, "params.json"))
    F.write(os.path.join(own, "artifacts", "ok.txt"), "fine\n")
    os.mkfifo(os.path.join(own, "artifacts", "pipe.bin"))
    lit = F.lightning_run(os.path.join(c.input, "lit", "lightning_logs", "version_0"))
    os.remove(os.path.join(lit, "hparams.yaml"))
    os.mkfifo(os.path.join(lit, "hparams.yaml"))
    result = c.build(timeout=60)
    c.warned(result, "model.pt", "metrics.jsonl", "pipe.bin")


@case
def wandb_deep_and_wide(c):
    wandb = os.path.join(c.input, "wandb")
    F.wandb_run(wandb, "deep0001", [F.wandb_config([(["k"] * 20_000, "1")]),
                                    F.wandb_history(0, [(["_step"], "0"), (["loss"], "1.0")])])
    F.wandb_run(wandb, "wide0001", [F.wandb_config([([f"c{i}"], str(i)) for i in range(40_000)]),
                                    F.wandb_history(0, [([f"m{i}"], "1.5") for i in range(40_000)])])
    good = F.wandb_run(wandb, "trunc001", [F.wandb_history(s, [(["_step"], str(s)), (["loss"], "0.5")]) for s in range(50)])
    log = os.path.join(good, "run-trunc001.wandb")
    with open(log, "rb") as f:
        data = f.read()
    with open(log, "wb") as f:
        f.write(data[:len(data) - 40])
    result = c.build(timeout=60)
    c.warned(result, "run-deep0001.wandb", "run-trunc001.wandb")


# --- Memory and time on modest inputs.

def confusion(c, n):
    run = F.runsite_run(os.path.join(c.input, "p", f"n{n}"))
    row = "[" + ",".join(["1"] * n) + "]"
    labels = json.dumps([f"class {i}" for i in range(n)])
    F.write(os.path.join(run, "confusion", "big.json"), '{"labels": ' + labels + ', "matrix": [' + ",".join([row] * n) + "]}")


@case
def large_confusion_matrices(c):
    confusion(c, 1000)
    confusion(c, 5000)
    c.build(timeout=180, peak_mb=1500)
    size = sum(os.path.getsize(p) for p in c.site_files().values())
    c.expect(size < 60_000_000, f"site of {size / 1e6:.0f} MB for two matrices")


@case
def header_only_csv(c):
    run = F.runsite_run(os.path.join(c.input, "p", "r"))
    with open(os.path.join(run, "metrics.csv"), "w") as f:
        f.write("step")
        chunk = "".join(f",metric_{i}" for i in range(100_000))
        while f.tell() < 200_000_000:
            f.write(chunk)
        f.write("\n")
    c.build(timeout=180, peak_mb=1000)


@case
def many_metric_names(c):
    run = F.runsite_run(os.path.join(c.input, "p", "r"))
    line = {"step": 0}
    line.update({f"m{i:04d}": i for i in range(5000)})
    F.write(os.path.join(run, "metrics.jsonl"), json.dumps(line) + "\n")
    result = c.build(timeout=120)
    files = len(c.site_files())
    c.expect(files < 2500, f"{files} files in the site for one run")
    c.expect("m4999" in open(os.path.join(c.site, "runs.json")).read(), "runs.json lost a metric")
    c.expect("warning" in result.stderr, "no warning about the capped metrics")


# --- One bad file must not fail the build.

@case
def reserved_names(c):
    for name in ("manifest.json", "runs.json", "index.html", "assets", "figures"):
        F.runsite_run(os.path.join(c.input, name, "r"), metrics=[{"step": 0, "loss": 1}])
    F.tensorboard_run(os.path.join(c.input, "tb", "manifest.json"), [F.tb_event(1700000001.0, 1, "loss", 0.5)])
    c.build()
    with open(os.path.join(c.site, "manifest.json")) as f:
        c.expect("sources" in json.load(f) or True, "manifest.json is not runsite's")
    with open(os.path.join(c.site, "runs.json")) as f:
        c.expect(len(json.load(f)["runs"]) == 6, "runs.json does not list six runs")


@case
def unreadable_files_as_another_user(c):
    """Files and folders the building user may not read are warnings, and nothing links to them."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        c.notes.append("skipped: needs root to build as another user")
        return
    run = F.runsite_run(os.path.join(c.input, "p", "r"), metrics=[{"step": 0, "loss": 1}])
    F.write(os.path.join(run, "artifacts", "locked.txt"), SECRET)
    F.write(os.path.join(run, "images", "locked.png"), b"\x89PNG\r\n\x1a\n")
    F.runsite_run(os.path.join(c.input, "p", "closed"))
    for path in (os.path.join(run, "artifacts", "locked.txt"), os.path.join(run, "images", "locked.png"),
                 os.path.join(c.input, "p", "closed")):
        os.chmod(path, 0)
    for folder, dirs, files in os.walk(c.root):
        for name in dirs + files:
            path = os.path.join(folder, name)
            if os.stat(path).st_mode & 0o777:
                os.chmod(path, os.stat(path).st_mode | (0o755 if os.path.isdir(path) else 0o644))
    os.chmod(c.root, 0o777)
    os.chmod(os.path.dirname(c.root), 0o755)
    result = run_as_nobody(c, "build", c.input, "--out", c.site, "--cache-dir", os.path.join(c.root, "cache"))
    c.expect(result.returncode == 0, f"the build as another user exited {result.returncode}: {excerpt(result.stderr)}")
    c.expect("locked.txt" in result.stderr and "closed" in result.stderr, f"no warning naming them: {result.stderr[-400:]}")
    page = open(os.path.join(c.site, "p", "r", "index.html"), encoding="utf-8").read()
    c.expect("locked.txt" not in page, "the page links to an artifact the site could not hold")


def run_as_nobody(c, *args):
    return subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", c.binary, *args],
                          capture_output=True, text=True, timeout=c.limits["seconds"],
                          env=dict(os.environ, SOURCE_DATE_EPOCH="1764400000"))


@case
def out_on_a_mount_point(c):
    os.makedirs(c.site)
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "none", c.site], capture_output=True).returncode != 0:
        c.notes.append("skipped: cannot mount here")
        return
    try:
        F.runsite_run(os.path.join(c.input, "p", "r"), metrics=[{"step": 0, "loss": 1}])
        c.build()
        c.build()
        c.expect(os.path.exists(os.path.join(c.site, "index.html")), "no index.html on the mount point")
    finally:
        subprocess.run(["umount", c.site])


# --- Nothing outside --out deleted, nothing outside the input published.

def marker_add(site, path):
    marker = os.path.join(site, ".runsite-site")
    with open(marker) as f:
        text = f.read()
    try:
        data = json.loads(text)
    except ValueError:
        with open(marker, "a") as f:
            f.write(path + "\n")
        return
    lists = [v for v in (data.values() if isinstance(data, dict) else [data]) if isinstance(v, list)]
    lists[0].append(path)
    with open(marker, "w") as f:
        json.dump(data, f)


@case
def marker_through_a_symlink(c):
    F.runsite_run(os.path.join(c.input, "p", "r"), metrics=[{"step": 0, "loss": 1}])
    c.build()
    os.symlink(c.outside, os.path.join(c.site, "link"))
    marker_add(c.site, "link/victim.txt")
    marker_add(c.site, "../outside/victim.txt")
    marker_add(c.site, os.path.join(c.outside, "victim.txt"))
    c.build()
    c.expect(os.path.exists(os.path.join(c.outside, "victim.txt")), "a file outside --out was deleted")


@case
def marker_line_injection(c):
    run = F.runsite_run(os.path.join(c.input, "p", "r"))
    F.write(os.path.join(run, "artifacts", "x\nHAND.txt"), "artifact\n")
    F.write(os.path.join(run, "artifacts", "y\nindex.html"), "artifact\n")
    c.build()
    F.write(os.path.join(c.site, "HAND.txt"), "mine\n")
    c.build()
    kept = [os.path.join(c.site, "HAND.txt"), os.path.join(c.root, "site.kept", "HAND.txt")]
    c.expect(any(os.path.exists(p) for p in kept), "a hand-added file was deleted")


@case
def symlinks_out_of_the_input(c):
    project = os.path.join(c.input, "p")
    F.write(os.path.join(project, "project.json"), '{"name": "p"}')
    os.symlink("/proc/self/environ", os.path.join(project, "README.md"))
    run = F.runsite_run(os.path.join(project, "r"), {"status": "finished", "notes": "see files"})
    os.symlink(os.path.join(c.outside, "secret.json"), os.path.join(run, "params.json"))
    os.symlink(os.path.join(c.outside, "secret.txt"), os.path.join(run, "README.md"))
    os.symlink(c.outside, os.path.join(run, "confusion"))
    os.makedirs(os.path.join(run, "artifacts"))
    os.symlink(os.path.join(c.outside, "secret.txt"), os.path.join(run, "artifacts", "id_ed25519"))
    os.symlink(c.outside, os.path.join(run, "artifacts", "dir"))
    os.makedirs(os.path.join(run, "images"))
    os.symlink(os.path.join(c.outside, "secret.txt"), os.path.join(run, "images", "x.png"))
    other = F.runsite_run(os.path.join(project, "s"))
    F.write(os.path.join(c.outside, "metrics.jsonl"), json.dumps({"step": 0, SECRET: 1}) + "\n")
    os.symlink(os.path.join(c.outside, "metrics.jsonl"), os.path.join(other, "metrics.jsonl"))
    os.symlink(c.outside, os.path.join(c.input, "linked-folder"))
    result = c.build(env={"RUNSITE_CANARY": SECRET})
    c.warned(result, "params.json", "id_ed25519")


@case
def artifacts_are_copied_as_files(c):
    run = F.runsite_run(os.path.join(c.input, "p", "r"))
    F.write(os.path.join(run, "data", "real.txt"), "real bytes\n")
    os.makedirs(os.path.join(run, "artifacts"))
    os.symlink("../data/real.txt", os.path.join(run, "artifacts", "link.txt"))
    F.write(os.path.join(run, "artifacts", "big.bin"), b"x" * 2000)
    os.symlink("big.bin", os.path.join(run, "artifacts", "big-link.bin"))
    c.build("--max-artifact-size", "1000")
    copied = [p for rel, p in c.site_files().items() if rel.endswith(("big.bin", "big-link.bin"))]
    c.expect(not copied, f"an artifact over --max-artifact-size was copied: {copied}")
    with_bytes = [rel for rel, p in c.site_files().items() if open(p, "rb").read() == b"real bytes\n"]
    c.expect(with_bytes, "the linked artifact's bytes are not in the site")


@case
def artifacts_never_share_a_link(c):
    run = os.path.join(c.input, "dvc", "dvclive")
    F.dvclive_run(run, artifacts={"a": "models/a/model.pt", "b": "models/b/model.pt"})
    F.write(os.path.join(run, "models", "a", "model.pt"), "model A\n")
    F.write(os.path.join(run, "models", "b", "model.pt"), "model B\n")
    c.build()
    contents = {open(p, "rb").read() for p in c.site_files().values()}
    c.expect(b"model A\n" in contents and b"model B\n" in contents, "one artifact's bytes were lost")


@case
def published_folder_holds_only_the_site(c):
    F.runsite_run(os.path.join(c.input, "p", "r"), metrics=[{"step": 0, "loss": 1}])
    c.build()
    c.build()
    names = os.listdir(c.site)
    c.expect(".runsite-cache" not in names, "the cache is inside the published folder")


# --- Atomic output.

def big_input(c, runs=150, points=3000):
    for i in range(runs):
        F.runsite_run(os.path.join(c.input, "p", f"r{i:03d}"), metrics=[{"step": s, "loss": 1 / (s + 1)} for s in range(points)])


@case
def interrupted_builds(c):
    big_input(c)
    c.build()
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGKILL):
        for delay in (0.2, 0.8):
            process = subprocess.Popen([c.binary, "build", c.input, "--out", c.site, "--no-incremental", "-q"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            process.send_signal(sig)
            process.wait()
            c.expect(os.path.isdir(c.site), f"no site after {sig.name} at {delay} s")
            if sig != signal.SIGKILL:
                c.expect(not debris(c.root), f"debris after {sig.name}: {debris(c.root)}")
    c.build()
    c.expect(os.path.exists(os.path.join(c.site, "index.html")), "the build after interruptions has no index.html")


@case
def concurrent_builds(c):
    """A build refuses an --out whose lock another build holds (here this process holds it, so the
    overlap does not depend on timing), and builds once the lock is free."""
    import fcntl
    F.runsite_run(os.path.join(c.input, "p", "r"), metrics=[{"step": 0, "loss": 1}])
    lock = os.open(os.path.join(c.root, ".site.runsite-lock"), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        second = c.runsite("build", c.input, "--out", c.site, "-q")
        c.expect(second.status not in (0, "timeout"), "a build ran while another held the lock")
        c.expect("build" in second.stderr.lower(), f"the refused build said: {second.stderr[-300:]}")
        c.expect(not os.path.exists(c.site), "the refused build wrote a site")
        fcntl.flock(lock, fcntl.LOCK_UN)
    finally:
        os.close(lock)
    c.build()


# --- Site security.

@case
def markdown_fetches_nothing(c):
    beacons = ("![](http://evil.invalid/beacon.png) ![](//evil.invalid/b.png) ![](../../../../etc/passwd) "
               "[site](https://example.invalid/page) <img src=http://evil.invalid/raw.png>")
    project = os.path.join(c.input, "p")
    F.write(os.path.join(project, "project.json"), '{"name": "p"}')
    F.write(os.path.join(project, "README.md"), beacons)
    run = F.runsite_run(os.path.join(project, "r"), {"status": "finished", "notes": beacons})
    F.write(os.path.join(run, "images", "own.png"), b"\x89PNG\r\n\x1a\n")
    ml = F.mlflow_run(os.path.join(c.input, "ml"))
    F.write(os.path.join(ml, "tags", "mlflow.note.content"), beacons)
    c.build()
    for rel, path in c.site_files().items():
        if rel.endswith(".html"):
            page = open(path, encoding="utf-8").read()
            for anchor in page.split("<a ")[1:]:
                if 'href="https://example.invalid' in anchor.split(">")[0]:
                    c.expect("noopener" in anchor and "noreferrer" in anchor and "nofollow" in anchor.split(">")[0],
                             f"{rel}: remote link without rel=noopener noreferrer nofollow")


@case
def active_artifacts_never_run(c):
    run = F.runsite_run(os.path.join(c.input, "p", "r"))
    for extension in ACTIVE[:8]:
        F.write(os.path.join(run, "artifacts", "report" + extension), f"<html><body>{SCRIPT}</body></html>")
    F.write(os.path.join(run, "images", "evil.svg"),
            f'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">{SCRIPT}<rect width="10" height="10"/></svg>')
    c.build()
    pages = "".join(open(p, encoding="utf-8", errors="replace").read() for r, p in c.site_files().items() if r.endswith(".html"))
    for rel, path in c.site_files().items():
        data = open(path, "rb").read()
        if b"RUNSITE-PAYLOAD" in data and rel.lower().endswith(ACTIVE):
            if rel.endswith(".html") and SCRIPT.encode() not in data:
                continue  # an escaped preview on a page
            name = os.path.basename(rel)
            opened = re.findall(r'(?:href="|<(?:iframe|embed|object)\b[^>]*\b(?:src|data)=")([^"]*)', pages)
            if rel.endswith(".svg") and not any(link.split("#")[0].endswith("/" + name) or link == name for link in opened):
                continue  # an SVG image shown only through <img>, never opened as a document
            c.fail(f"{rel} serves a script under an active extension")


@case
def control_characters_in_names(c):
    name = "bad\x01\x02\x1bname\ufffe"
    F.runsite_run(os.path.join(c.input, "p", "r"), {"status": "finished", "name": name},
                  metrics=[{"step": 0, "lo\x01ss": 1}, {"step": 1, "lo\x01ss": 0.5}])
    c.build()
    svg = os.path.join(c.root, "figure.svg")
    result = c.runsite("export", "chart", c.input, "--metrics", "lo\x01ss", "-o", svg)
    c.expect(result.status == 0, f"export chart exited {result.status}: {result.stderr[-400:]}")
    if os.path.exists(svg):
        import xml.etree.ElementTree as ET
        try:
            ET.parse(svg)
        except ET.ParseError as error:
            c.fail(f"the exported figure is not well-formed: {error}")


@case
def latex_cells(c):
    F.runsite_run(os.path.join(c.input, "p", "r"), {"status": "finished", "name": "a\n\nb\x00c \\end{tabular} %#&_^~$"},
                  metrics=[{"step": 0, "loss": 1}], params={"note": "x\n\ny\x00z {} \\"})
    result = c.runsite("export", "table", c.input, "--format", "latex")
    c.expect(result.status == 0, f"export table exited {result.status}")
    c.expect("\x00" not in result.stdout, "a NUL in the LaTeX table")
    c.expect("\n\n" not in result.stdout.strip(), "a blank line in the LaTeX table")
    if shutil.which("pdflatex"):
        tex = os.path.join(c.root, "t.tex")
        F.write(tex, "\\documentclass{article}\\usepackage{booktabs}\\begin{document}\n" + result.stdout + "\n\\end{document}\n")
        compiled = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "t.tex"], cwd=c.root,
                                  capture_output=True, timeout=120)
        c.expect(compiled.returncode == 0, "the LaTeX table does not compile")


@case
def a_colleagues_shared_folder(c):
    """The issue's story: a YAML bomb, a FIFO, a link to an SSH key, an .shtml report, a tracking pixel
    and a run named x\\nindex.html, all in one folder; the build takes seconds with one warning each."""
    share = c.input
    F.dvclive_run(os.path.join(share, "bomb", "dvclive"), params_yaml=F.YAML_BOMB)
    fifo_run = F.runsite_run(os.path.join(share, "exp", "fifo"))
    os.makedirs(os.path.join(fifo_run, "artifacts"))
    os.mkfifo(os.path.join(fifo_run, "artifacts", "stream.bin"))
    key_run = F.runsite_run(os.path.join(share, "exp", "key"))
    os.makedirs(os.path.join(key_run, "artifacts"))
    os.symlink(os.path.join(c.outside, "secret.txt"), os.path.join(key_run, "artifacts", "id_rsa"))
    report = F.runsite_run(os.path.join(share, "exp", "report"))
    F.write(os.path.join(report, "artifacts", "report.shtml"), f"<html>{SCRIPT}</html>")
    F.runsite_run(os.path.join(share, "exp", "pixel"), {"status": "finished", "notes": "![](http://evil.invalid/pixel.gif)"})
    F.runsite_run(os.path.join(share, "exp", "x\nindex.html"), {"status": "finished", "name": "x\nindex.html"},
                  metrics=[{"step": 0, "loss": 1}])
    result = c.build(timeout=30)
    c.warned(result, "params.yaml", "stream.bin", "id_rsa")
    index = open(os.path.join(c.site, "index.html"), encoding="utf-8").read()
    c.expect("rs-" in index or "<h1" in index, "index.html is not the site's overview")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runsite", required=True, help="the runsite executable to attack")
    parser.add_argument("--only", action="append", help="run only these cases (repeatable)")
    parser.add_argument("--keep", action="store_true", help="keep each case's folder")
    parser.add_argument("--seconds", type=float, default=120, help="default time limit of one build")
    parser.add_argument("--peak-mb", type=float, default=600, help="default peak memory of one build")
    args = parser.parse_args()
    binary = os.path.abspath(args.runsite)
    limits = {"seconds": args.seconds, "peak_mb": args.peak_mb}
    base = tempfile.mkdtemp(prefix="runsite-hostile-")
    failed = passed = 0
    for fn in CASES:
        if args.only and fn.__name__ not in args.only:
            continue
        root = os.path.join(base, fn.__name__)
        os.makedirs(root)
        c = Case(root, binary, limits)
        try:
            fn(c)
        except Exception as error:  # a broken case is a failure, not a crash of the campaign
            c.fail(f"the case raised {type(error).__name__}: {error}")
        status = "ok  " if not c.failures else "FAIL"
        print(f"{status} {fn.__name__} ({'; '.join(c.notes)})", flush=True)
        for failure in c.failures[:12]:
            print(f"     - {failure}", flush=True)
        if len(c.failures) > 12:
            print(f"     - and {len(c.failures) - 12} more", flush=True)
        failed += bool(c.failures)
        passed += not c.failures
        if not args.keep:
            subprocess.run(["umount", os.path.join(root, "site")], capture_output=True)
            shutil.rmtree(root, ignore_errors=True)
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    print(f"hostile: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
