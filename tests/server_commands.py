"""manage.py run as an operator runs it on a server: a process of its own, with the server's
environment, for tests that start real servers."""

import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def manage(env, *args):
    """Run manage.py with this environment; its output, or the test fails showing it."""
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout
