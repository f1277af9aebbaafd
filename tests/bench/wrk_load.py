"""wrk, run for one round of load, and its figures read back exactly (for bench_pages.py)."""

import subprocess
import urllib.parse
from pathlib import Path

CONNECTIONS, THREADS, SECONDS = 32, 2, 3
TIMEOUT = 10  # seconds; wrk's default (2 s) would drop the slowest answers from the p99

# wrk's own summary on one line the bench reads back: the p99 from wrk's latency histogram
# (what `wrk --latency` prints, here in microseconds), the requests that timed out, those that
# failed otherwise or answered an error status, and the bytes read (headers included).
WRK_DONE = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(99), e.timeout, e.connect + e.read + e.write + e.status, summary.bytes))
end
"""


def wrk_script(path, form=None):
    """wrk's Lua script: the summary line, and the form when the requests are POSTs."""
    script = Path(path)
    request = ""
    if form:
        body = urllib.parse.urlencode(form)
        request = (
            f'wrk.method = "POST"\nwrk.body = "{body}"\n'
            'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
        )
    script.write_text(request + WRK_DONE)
    return script


def wrk_round(url, script, seconds=SECONDS):
    """One round: requests per second, p99 in milliseconds, timeouts, other failures, and the
    bytes of an answer (headers included)."""
    command = ["wrk", f"-c{CONNECTIONS}", f"-t{THREADS}", f"-d{seconds}s", f"--timeout={TIMEOUT}s"]
    out = subprocess.run([*command, "-s", script, url], capture_output=True, text=True, check=True)
    line = next(line for line in out.stdout.splitlines() if line.startswith("BENCH "))
    requests, duration_us, p99_us, timeouts, failed, size = map(int, line.split()[1:])
    return requests / (duration_us / 1e6), p99_us / 1000, timeouts, failed, size / max(requests, 1)
