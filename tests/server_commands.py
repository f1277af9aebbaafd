"""manage.py and gunicorn run as an operator runs them on a server: processes of their own, with
the server's environment, for tests that start real servers."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent  # the virtual environment's bin folder
SLOW_CLIENT_SECONDS = 3


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


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_environment(database_url, **more):
    """What a real server's environment sets (see the README), on plain HTTP."""
    env = {k: v for k, v in os.environ.items() if k not in {"GUNICORN_CMD_ARGS", "PORT"}}
    return (
        env
        | {
            "SECRET_KEY": "tests-only-not-a-secret",
            "DJANGO_DEBUG": "0",
            "DJANGO_HTTPS": "0",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "DJANGO_LOG_LEVEL": "INFO",
            # Short, so the tests see a slow client cut off without waiting long.
            "REQUEST_HEADER_SECONDS": str(SLOW_CLIENT_SECONDS),
            "REQUEST_BODY_SECONDS": str(SLOW_CLIENT_SECONDS),
        }
        | more
    )


def get(url, timeout=10):
    """(status, headers, body) of a GET, whatever the status."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


class Server:
    def __init__(self, process, port, log_path):
        self.process, self.log_path = process, log_path
        self.address = ("127.0.0.1", port)
        self.base_url = f"http://127.0.0.1:{port}"

    def log(self):
        return self.log_path.read_text(errors="replace")

    def wait_for_log(self, *texts, seconds=10.0, start=0):
        """The log from `start` on, once it holds every one of `texts` (bounded wait)."""
        deadline = time.monotonic() + seconds
        while True:
            log = self.log()[start:]
            if all(text in log for text in texts) or time.monotonic() > deadline:
                return log
            time.sleep(0.05)


@contextlib.contextmanager
def gunicorn(database_url, folder, **more):
    """gunicorn started exactly as the README says, on a free port (PORT), until the end of
    the with-block; `more` adds to its environment. Its standard output and error go to one
    log file."""
    if not (PROJECT / "staticfiles" / "staticfiles.json").exists():
        # `make test` and the README's deploy steps run collectstatic first; so do we.
        manage(server_environment(database_url), "collectstatic", "--noinput", "-v0")
    port = free_port()
    env = server_environment(database_url, PORT=str(port), **more)
    log_path = Path(folder) / "gunicorn.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [BIN / "gunicorn", "portal.wsgi"],
            cwd=PROJECT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = Server(process, port, log_path)
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, f"gunicorn stopped:\n{server.log()}"
            with contextlib.suppress(OSError):
                if get(server.base_url + "/static/css/portal.css", timeout=2)[0] == 200:
                    break
            assert time.monotonic() < deadline, f"gunicorn did not answer:\n{server.log()}"
            time.sleep(0.1)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
