"""Runs runsite on one hostile folder with a time limit, measures its peak memory, and checks what
every build must keep: no crash, the input unchanged, nothing secret or absolute published, every
page with a Content-Security-Policy, every SVG well-formed, no debris beside the site."""
import hashlib
import os
import re
import signal
import subprocess
import threading
import time
import xml.etree.ElementTree as ET

SECRET = "RUNSITE-HOSTILE-SECRET-7f3a"


class Result:
    def __init__(self, status, stdout, stderr, seconds, peak_mb):
        self.status, self.stdout, self.stderr = status, stdout, stderr
        self.seconds, self.peak_mb = seconds, peak_mb


def memory_mb(pid):
    """The resident memory of a process and its peak so far (VmRSS, VmHWM), in MB."""
    found = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    found[line[:5]] = int(line.split()[1]) / 1024
    except OSError:
        pass
    return found.get("VmRSS", 0), found.get("VmHWM", 0)


def run(binary, args, timeout=120, env=None, cwd=None, kill_mb=4000):
    """Runs runsite; a run past `timeout` seconds or `kill_mb` of memory is killed and reported as
    status 'timeout' or 'memory'."""
    environment = dict(os.environ, SOURCE_DATE_EPOCH="1764400000", **(env or {}))
    start = time.monotonic()
    process = subprocess.Popen([binary] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               stdin=subprocess.DEVNULL, env=environment, cwd=cwd)
    # The peak is sampled from /proc (VmHWM): wait4's ru_maxrss would count the Python process
    # that forked the child, whose memory the child inherits until exec.
    verdict, done, peaks = [], [], [0]

    def watch():
        while not done:
            if time.monotonic() - start > timeout:
                verdict.append("timeout")
            rss, peak = memory_mb(process.pid)
            peaks.append(peak)
            if rss > kill_mb:
                verdict.append("memory")
            if verdict:
                process.kill()
                return
            time.sleep(0.05)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    out, err = [], []
    readers = [threading.Thread(target=lambda s=s, b=b: b.append(s.read())) for s, b in
               ((process.stdout, out), (process.stderr, err))]
    for r in readers:
        r.start()
    _, wait_status, _ = os.wait4(process.pid, 0)
    done.append(True)
    process.returncode = os.waitstatus_to_exitcode(wait_status)
    for r in readers:
        r.join()
    status = verdict[0] if verdict else process.returncode
    return Result(status, out[0].decode(errors="replace"), err[0].decode(errors="replace"),
                  time.monotonic() - start, max(peaks))


def snapshot(root):
    """Every entry under root (not following links): kind, size, mtime and a digest of file bytes."""
    state = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in dirs + files:
            path = os.path.join(folder, name)
            info = os.lstat(path)
            entry = (info.st_mode, info.st_size, info.st_mtime_ns)
            if os.path.isfile(path) and not os.path.islink(path) and info.st_size < 50_000_000:
                try:
                    with open(path, "rb", opener=lambda p, f: os.open(p, f | os.O_NONBLOCK)) as fh:
                        entry += (hashlib.sha256(fh.read()).hexdigest(),)
                except OSError:
                    pass
            state[os.path.relpath(path, root)] = entry
    return state


def site_problems(site, forbidden):
    """What a published site must never hold."""
    problems = []
    if not os.path.isdir(site):
        return [f"no site at {site}"]
    for folder, dirs, files in os.walk(site):
        for name in files:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, site)
            if os.path.islink(path):
                problems.append(f"{rel} is a symlink")
                continue
            with open(path, "rb") as fh:
                data = fh.read()
            for text in forbidden:  # secrets and the building machine's paths
                if text.encode() in data:
                    problems.append(f"{rel} holds {text!r}" if len(problems) < 20 else "more files hold it")
            if name.endswith(".html"):
                page = data.decode(errors="replace")
                if 'http-equiv="Content-Security-Policy"' not in page:
                    problems.append(f"{rel} has no Content-Security-Policy")
                for src in re.findall(r'\b(?:src|srcset|poster|data)="([^"]*)"', page):
                    # A relative reference must stay inside the site, however deep the page is.
                    target = os.path.normpath(os.path.join(folder, src.split("?")[0].split("#")[0]))
                    outside = not (target == os.path.normpath(site) or target.startswith(os.path.normpath(site) + os.sep))
                    if re.match(r"(?i)^(https?:|//|file:|\\\\)", src) or outside:
                        problems.append(f"{rel} loads {src!r}")
            if name.endswith(".svg"):
                try:
                    ET.fromstring(data)
                except ET.ParseError as error:
                    problems.append(f"{rel} is not well-formed XML: {error}")
    return problems


def debris(parent):
    """Temporary or aside folders a build left beside the site."""
    return [n for n in os.listdir(parent) if ".runsite-tmp-" in n or ".runsite-old-" in n]


def kill_group(process):
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
