"""What gunicorn's master loads before it forks (portal/preload.py) opens nothing that the
workers would then share: no database connection, no thread, no socket. It runs in a process
of its own, as the master, with the settings of a production server."""

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
MASTER = """
import json, os, threading
import portal.wsgi
from django.db import connections
from phases.text import english_syllables
from portal.preload import warm

warm()
descriptors = [os.readlink(f"/proc/self/fd/{fd}") for fd in sorted(os.listdir("/proc/self/fd"))
               if os.path.exists(f"/proc/self/fd/{fd}")]
print(json.dumps({
    "connections": [c.alias for c in connections.all() if c.connection is not None],
    "threads": threading.active_count(),
    "sockets": [d for d in descriptors if d.startswith("socket:")],
    "syllable tables": english_syllables.table.cache_info().currsize,
}))
"""


def test_the_master_warms_the_workers_share_without_a_connection_thread_or_socket(tmp_path):
    env = os.environ | {
        "DJANGO_DEBUG": "0",
        "SECRET_KEY": "preload-test-not-a-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "CACHE_DIR": str(tmp_path / "cache"),
    }
    master = subprocess.run(
        [sys.executable, "-c", MASTER], cwd=PROJECT, env=env, capture_output=True, timeout=120
    )

    assert master.returncode == 0, master.stderr.decode()[-2000:]
    opened = json.loads(master.stdout.decode().splitlines()[-1])
    assert opened == {"connections": [], "threads": 1, "sockets": [], "syllable tables": 1}
