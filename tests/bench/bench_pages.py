"""Speed, queries and memory of the portal's pages, as figures to compare between changes.

Runs the real stack: a fresh SQLite database migrated with the seed content, collectstatic, and
gunicorn with the project's gunicorn.conf.py (2 workers), DEBUG off, plain HTTP. wrk loads each
page in rounds that alternate with rounds of a static CSS file served by the same server, so a
page's figures sit beside the static file's from the same minute of a noisy machine; the ratio
is what the goals of issue 11 are written in. A separate process counts each page's database
queries (page_queries.py), and the memory of the master and of each worker (VmRSS, PSS and USS)
is read from /proc after the load, after an editor's round of the admin (admin_pages.py), and
after patients' pages again.

A benchmark, not a test: it prints, and a missed goal does not fail anything. `make bench`.
"""

import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from admin_pages import CREATE_EDITOR, visit_admin
from wrk_load import CONNECTIONS, SECONDS, THREADS, TIMEOUT, wrk_round, wrk_script

PROJECT = Path(__file__).resolve().parents[2]
QUERIES_SCRIPT = Path(__file__).with_name("page_queries.py")
ROUNDS = 3  # of each page, and as many of the static file between them
MEMORY_GOAL_MIB = 80
STATIC_CSS = "css/portal.css"
SERVED = "portal.wsgi"  # as the README deploys it


@dataclass(frozen=True)
class Page:
    path: str
    speed_goal: float  # at least this many times the static file's requests per second
    p99_goal: float | None = None  # p99 at most this many times the static file's
    warm_queries_goal: int | None = None  # a cached page makes none
    form: dict | None = None  # sent as a POST

    @property
    def name(self):
        return f"POST {self.path}" if self.form else self.path


CACHED = {"speed_goal": 0.8, "p99_goal": 3.0, "warm_queries_goal": 0}
COLD_QUERIES_GOAL = 3
# A patient in remission, every question answered: the checker's full path to a result.
CHECKER_ANSWERS = {
    "treatment": "received",
    "first_course_finished": "yes",
    "ever_in_remission": "no",
    "symptoms": "no",
    "marrow_blasts_percent": "2",
    "mrd": "negative",
    "outside_marrow": "no",
    "cbc": "normal",
    "blood_blasts": "no",
    "anc": "2.1",
    "platelets": "180",
    "wbc": "5.4",
    "hemoglobin": "12.5",
}
PAGES = [
    Page("/", **CACHED),
    Page("/phases/remission/", **CACHED),
    Page("/glossary/", **CACHED),
    Page("/embed/demo/", **CACHED),
    Page("/embed/demo/phases/remission/", **CACHED),
    Page("/api/v1/phases", **CACHED),
    Page("/api/v1/phases/remission", **CACHED),
    Page("/api/v1/glossary", **CACHED),
    Page("/api/v1/disclaimer", **CACHED),
    Page("/check/", speed_goal=0.5),
    Page("/check/", speed_goal=0.25, form=CHECKER_ANSWERS),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def measure(base, folder, page, static_url, static_script):
    """Rounds static / page / static / page...; the median of each, the errors, and the
    bytes of an answer of each (as wrk read them, headers included)."""
    page_rounds, static_rounds = [], []
    script = wrk_script(Path(folder) / "page.lua", page.form)
    wrk_round(base + page.path, script, seconds=1)  # warm up: every worker has served it
    for _ in range(ROUNDS):
        static_rounds.append(wrk_round(static_url, static_script))
        page_rounds.append(wrk_round(base + page.path, script))

    def medians(i):
        return statistics.median(r[i] for r in page_rounds), statistics.median(
            r[i] for r in static_rounds
        )

    rounds = page_rounds + static_rounds
    errors = sum(r[2] for r in rounds), sum(r[3] for r in rounds)
    return medians(0), medians(1), errors, medians(4)


def wait_until_serving(url, server, log):
    for _ in range(150):
        if server.poll() is not None:
            sys.exit(f"gunicorn stopped:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"gunicorn did not answer {url}:\n{log.read_text()[-3000:]}")


def memory_of(pid):
    """A process's memory in MiB: VmRSS and its peak VmHWM (every page it maps, shared ones
    included), PSS (each page divided by the processes sharing it: what the process really
    costs) and USS (its private pages: what ending it would give back), from /proc."""
    proc = Path("/proc") / str(pid)
    status = dict(line.split(":", 1) for line in (proc / "status").read_text().splitlines())
    rollup = {}
    for line in (proc / "smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        rollup[name] = int(value.split()[0])
    kib = {
        "VmRSS": int(status["VmRSS"].split()[0]),
        "VmHWM": int(status["VmHWM"].split()[0]),
        "PSS": rollup["Pss"],
        "USS": rollup["Private_Clean"] + rollup["Private_Dirty"],
    }
    return {name: value / 1024 for name, value in kib.items()}


def workers_memory(master):
    """The memory (memory_of) of each child of the gunicorn master, and of the master."""
    memory = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            if parent == master:
                memory[int(stat.parent.name)] = memory_of(stat.parent.name)
        except (OSError, ValueError, IndexError, KeyError):
            continue  # a process that ended while being read
    return {"master": memory_of(master), "workers": memory}


def machine():
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    models = [line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")]
    wrk = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.splitlines()
    wrk_version = wrk[0].split(" Copyright")[0] if wrk else "wrk (version unknown)"
    cpu = models[0] if models else platform.processor() or platform.machine()
    return f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()}; {wrk_version}"


def mark(passed):
    return "PASS" if passed else "MISS"


def table(rows):
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        print("  ".join(cells).rstrip())


def report_row(page, speed, p99, errors, size, queries):
    speed_ratio, p99_ratio = speed[0] / speed[1], p99[0] / p99[1]
    passed = speed_ratio >= page.speed_goal and (
        page.p99_goal is None or p99_ratio <= page.p99_goal
    )
    cold, warm = queries[page.name]
    queries_passed = cold <= COLD_QUERIES_GOAL and (
        page.warm_queries_goal is None or warm <= page.warm_queries_goal
    )
    warm_goal = "" if page.warm_queries_goal is None else f"/{page.warm_queries_goal}"
    p99_goal = "-" if page.p99_goal is None else f"≤{page.p99_goal:.1f}"
    return [
        page.name,
        f"{size[0] / 1024:.1f}",
        f"{speed[0]:.0f}",
        f"{speed[1]:.0f}",
        f"{speed_ratio:.2f}",
        f"≥{page.speed_goal:.2f}",
        f"{p99[0]:.1f}",
        f"{p99[1]:.1f}",
        f"{p99_ratio:.1f}",
        p99_goal,
        "ERR" if any(errors) else mark(passed),
        f"{cold}/{warm}",
        f"≤{COLD_QUERIES_GOAL}{warm_goal}",
        mark(queries_passed),
    ]


def environment(folder, port):
    """The server's settings: a production-like server on this machine, with its own data."""
    return os.environ | {
        "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
        "SECRET_KEY": "bench-only-not-a-secret",
        "DJANGO_DEBUG": "0",
        "DJANGO_HTTPS": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_LOG_LEVEL": "WARNING",
        "WEB_CONCURRENCY": "2",
        "PORT": str(port),
        # The page cache starts empty and is the run's own: its files in the temporary
        # folder, or in a shared Redis under keys no site uses.
        "CACHE_DIR": f"{folder}/cache",
        "CACHE_KEY_PREFIX": f"bench-{port}-{os.getpid()}",
    }


def prepare(env):
    """Migrate and collect static files; the static file's address and each page's queries."""
    run = {"cwd": PROJECT, "env": env, "check": True}
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], **run)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], **run)
    subprocess.run([sys.executable, "manage.py", "shell", "-c", CREATE_EDITOR], **run)
    manifest = json.loads((PROJECT / "staticfiles" / "staticfiles.json").read_text())
    pages = json.dumps([{"path": p.path, "form": p.form, "name": p.name} for p in PAGES])
    counted = subprocess.run(
        [sys.executable, QUERIES_SCRIPT, pages], cwd=PROJECT, env=env, capture_output=True
    )
    if counted.returncode:
        sys.exit(f"counting queries failed:\n{counted.stderr.decode()[-3000:]}")
    return f"/static/{manifest['paths'][STATIC_CSS]}", json.loads(counted.stdout)


def load(folder, env, static_path):
    """Serve with gunicorn and load every page; the figures, and the workers' memory after."""
    log = Path(folder) / "gunicorn.log"  # its access log, kept out of the figures
    with log.open("w") as log_file:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", SERVED],
            cwd=PROJECT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{env['PORT']}"
    try:
        wait_until_serving(base + "/", server, log)
        static_script = wrk_script(Path(folder) / "static.lua")
        wrk_round(base + static_path, static_script, seconds=1)  # warm up
        results = {
            page.name: measure(base, folder, page, base + static_path, static_script)
            for page in PAGES
        }
        memory = {"after the load": workers_memory(server.pid)}
        served = visit_admin(base)
        memory[f"after {served} admin pages"] = workers_memory(server.pid)
        wrk_round(base + "/", wrk_script(Path(folder) / "page.lua"))  # patients again
        memory["after the admin and a round of /"] = workers_memory(server.pid)
        return results, memory
    finally:
        server.terminate()
        server.wait(timeout=30)


def report(env, static_path, queries, results, memory):
    print("ALL Phase Portal: speed, queries and memory (make bench)")
    print(f"machine: {machine()}")
    if os.environ.get("REDIS_URL"):
        cache = f"REDIS_URL from the environment, keys under {env['CACHE_KEY_PREFIX']}"
    else:
        cache = "no REDIS_URL (the local one, in a temporary folder)"
    workers = len(next(iter(memory.values()))["workers"])
    print(f"server: gunicorn {SERVED}, {workers} workers (gunicorn.conf.py), SQLite, DEBUG off")
    print(f"cache: {cache}")
    _, _, _, (_, static_bytes) = results[PAGES[0].name]
    print(
        f"load: wrk -c{CONNECTIONS} -t{THREADS}, {SECONDS} s rounds alternating with "
        f"{static_path} ({static_bytes / 1024:.1f} KiB an answer), {ROUNDS} rounds each, medians"
    )
    print(
        "KiB: an answer as wrk read it, headers included; wrk sends no Accept-Encoding, so pages "
        "and the static file alike come uncompressed"
    )
    print("queries: cold (the page's first request, empty cache) / warm (the same again)\n")
    rows = [
        ["page", "KiB", "req/s", "static", "ratio", "goal", "p99 ms", "static", "ratio", "goal"]
        + ["speed", "cold/warm", "goal", "queries"]
    ]
    rows += [report_row(page, *results[page.name], queries) for page in PAGES]
    table(rows)
    for name, (_, _, (timeouts, failed), _) in results.items():
        if timeouts or failed:
            print(
                f"ERR {name} (or the static file beside it): {timeouts} requests took over "
                f"{TIMEOUT} s, {failed} failed or answered an error status"
            )
    print(
        "\nmemory in MiB. VmRSS counts every page a process maps, the pages it shares with "
        "the master and the other worker included;\nPSS divides each shared page between "
        "the processes that map it: what a worker really adds, and what the "
        f"{MEMORY_GOAL_MIB} MiB goal is judged on;\nUSS is a worker's private pages only."
    )
    for moment, processes in memory.items():
        print(f"\n{moment}:")
        master = processes["master"]
        print(
            f"master: VmRSS {master['VmRSS']:.1f}  PSS {master['PSS']:.1f}  USS {master['USS']:.1f}"
        )
        for pid, worker in sorted(processes["workers"].items()):
            print(
                f"worker {pid}: VmRSS {worker['VmRSS']:.1f} (peak {worker['VmHWM']:.1f})  "
                f"PSS {worker['PSS']:.1f}  USS {worker['USS']:.1f}  "
                f"goal PSS ≤{MEMORY_GOAL_MIB}  {mark(worker['PSS'] <= MEMORY_GOAL_MIB)}"
            )


def main():
    started, load_before = time.monotonic(), os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        env = environment(folder, free_port())
        static_path, queries = prepare(env)
        results, memory = load(folder, env, static_path)
    report(env, static_path, queries, results, memory)
    print(
        f"\nrun time: {time.monotonic() - started:.0f} s; load average before it: "
        f"{load_before:.1f} (other work on the machine scatters the figures, the ratios less)"
    )


if __name__ == "__main__":
    main()
