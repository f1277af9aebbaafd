"""Speed and memory of the patient pages, as figures to compare between changes.

Runs the real stack (gunicorn, one worker, a fresh SQLite database migrated with the seed
content, WhiteNoise for static files) on a free local port, and asks each page a bounded number
of times. The figure that survives a noisy machine is the ratio of a page's median time to the
median time of a static file from the same server. Run with `make bench`; not part of the tests.
"""

import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
ROUNDS = 200
CHECK_FORM = {"treatment": "received", "marrow_blasts_percent": "3", "cbc": "normal"}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def timed(url, data=None):
    body = urllib.parse.urlencode(data).encode() if data else None
    start = time.perf_counter()
    with urllib.request.urlopen(url, data=body, timeout=10) as response:
        response.read()
    return time.perf_counter() - start


def rss_kib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def main():
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        env = os.environ | {
            "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
            "SECRET_KEY": "bench-only-not-a-secret",
            "DJANGO_DEBUG": "0",
            "DJANGO_HTTPS": "0",
            "DJANGO_LOG_LEVEL": "WARNING",
        }
        run = {"cwd": PROJECT, "env": env, "check": True}
        subprocess.run([python, "manage.py", "migrate", "-v0"], **run)
        subprocess.run([python, "manage.py", "collectstatic", "--noinput", "-v0"], **run)
        port = free_port()
        server = subprocess.Popen(
            [python, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}", "-w", "1"],
            cwd=PROJECT,
            env=env,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(50):
                try:
                    timed(base + "/")
                    break
                except OSError:
                    time.sleep(0.2)
            home = urllib.request.urlopen(base + "/").read().decode()
            css = home.split('href="/static/css/portal.')[1].split('"')[0]
            pages = {
                "static css": (f"{base}/static/css/portal.{css}", None),
                "home": (base + "/", None),
                "phase page": (base + "/phases/remission/", None),
                "glossary": (base + "/glossary/", None),
                "checker form": (base + "/check/", None),
                "checker result": (base + "/check/", CHECK_FORM),
            }
            medians = {}
            for name, (url, data) in pages.items():
                timed(url, data)  # warm up
                medians[name] = statistics.median(timed(url, data) for _ in range(ROUNDS))
            worker = subprocess.run(
                ["pgrep", "-P", str(server.pid)], capture_output=True, text=True
            ).stdout.split()
            memory = rss_kib(int(worker[0])) if worker else 0
        finally:
            server.terminate()
            server.wait(timeout=10)
    static = medians["static css"]
    print(f"{'page':<16}{'median ms':>10}{'x static':>10}")
    for name, median in medians.items():
        print(f"{name:<16}{median * 1000:>10.2f}{median / static:>10.1f}")
    print(f"worker peak memory: {memory / 1024:.1f} MiB")
    own_memory = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"bench process peak memory: {own_memory / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
