"""Two instances of the portal, as the README's "Several instances behind a proxy" runs them:
two gunicorn servers on their own ports sharing one PostgreSQL database and one Redis.

These tests start servers and need both services, so they run only when their folder is named,
`pytest tests/scale_out` (what `make scale-out-test` and CI do): pyproject.toml's norecursedirs
leaves the folder out of every other run, `make test` and `-m "not browser"` included. Run, they
fail, never skip, when DATABASE_URL does not name a PostgreSQL server or REDIS_URL does not
name a Redis database.
"""

import contextlib
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import psycopg
import pytest
import redis
import requests
from psycopg import sql

from tests.server_commands import manage

PROJECT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent  # the virtual environment's bin folder
PASSWORD = "a-long-scale-out-password"
# Staff accounts the tests sign in with, and their groups (both made by the migrations).
STAFF = {"approver": "Content approvers", "editor": "Content editors"}
NEEDS = (
    "The scale-out test needs DATABASE_URL naming a PostgreSQL server (it creates and drops a "
    "database of its own there) and REDIS_URL naming a Redis database of its own, which it "
    "empties; e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres "
    "REDIS_URL=redis://127.0.0.1:6379/7 (make scale-out-test sets both). "
)


@dataclass
class Instance:
    name: str
    base_url: str
    process: subprocess.Popen
    log_path: Path

    def get(self, path):
        """What a visitor without cookies gets: nothing is stored between two requests."""
        return requests.get(self.base_url + path, timeout=10, allow_redirects=False)

    def log(self):
        return self.log_path.read_text(errors="replace")


@dataclass
class Portal:
    a: Instance
    b: Instance
    env: dict  # the servers' environment: manage.py run with it is a release step on a server
    database_url: str

    def manage(self, *args):
        return manage(self.env, *args)

    def query(self, query, *params):
        """The first value of the first row the shared database answers."""
        with psycopg.connect(self.database_url) as connection:
            return connection.execute(query, params).fetchone()[0]


def required_urls():
    database_url = os.environ.get("DATABASE_URL", "")
    redis_url = os.environ.get("REDIS_URL", "")
    engine = dj_database_url.parse(database_url)["ENGINE"] if database_url else ""
    if engine != "django.db.backends.postgresql":
        pytest.fail(NEEDS + f"DATABASE_URL is {database_url!r}.", pytrace=False)
    if not re.fullmatch(r"rediss?://[^/]+/\d+", redis_url):
        pytest.fail(NEEDS + f"REDIS_URL is {redis_url!r}.", pytrace=False)
    return database_url, redis_url


def empty_redis(url):
    """Empty the Redis database `url` names: no page cached by an earlier run is left."""
    try:
        with redis.Redis.from_url(url) as client:
            client.flushdb()
    except redis.RedisError as error:
        pytest.fail(NEEDS + f"Redis at {url} does not answer: {error}", pytrace=False)


@contextlib.contextmanager
def own_database(server_url):
    """A new, empty database on the server of `server_url`, dropped afterwards."""
    name = f"portal_scale_out_{secrets.token_hex(4)}"
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlsplit(server_url)._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(server_url, autocommit=True) as connection:
            drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
            connection.execute(drop.format(sql.Identifier(name)))


def free_ports(count):
    """Ports nothing listens on, all different: each socket stays bound until all are known."""
    with contextlib.ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket()) for _ in range(count)]
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]


def start_gunicorn(name, port, env, folder):
    """`.venv/bin/gunicorn portal.wsgi` in the project's folder, as the README deploys it."""
    log_path = Path(folder) / f"gunicorn-{name}.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [BIN / "gunicorn", "portal.wsgi"],
            cwd=PROJECT,
            env=env | {"PORT": str(port)},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped with its workers
        )
    return Instance(name, f"http://127.0.0.1:{port}", process, log_path)


def wait_until_answering(instance, deadline):
    while True:
        assert instance.process.poll() is None, f"{instance.name} stopped:\n{instance.log()}"
        with contextlib.suppress(requests.ConnectionError):
            if instance.get("/api/v1/disclaimer").status_code == 200:
                return
        assert time.monotonic() < deadline, f"{instance.name} did not answer:\n{instance.log()}"
        time.sleep(0.1)


def stop(instance):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(instance.process.pid, signal.SIGTERM)
    try:
        instance.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(instance.process.pid, signal.SIGKILL)
        instance.process.wait(timeout=10)


CREATE_STAFF = """
from django.contrib.auth.models import Group, User
for username, group in {staff!r}.items():
    user = User.objects.create_user(username, password={password!r}, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
"""


@pytest.fixture(scope="module")
def portal():
    server_url, redis_url = required_urls()
    empty_redis(redis_url)
    with (
        own_database(server_url) as database_url,
        tempfile.TemporaryDirectory() as folder,
        contextlib.ExitStack() as running,
    ):
        running.callback(empty_redis, redis_url)  # last, once both have stopped
        env = {k: v for k, v in os.environ.items() if k != "GUNICORN_CMD_ARGS"} | {
            "SECRET_KEY": "tests-only-scale-out-key-" + "x7Qp2" * 8,
            "DJANGO_DEBUG": "0",
            "DJANGO_HTTPS": "0",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "WEB_CONCURRENCY": "2",
        }
        # Once per release, as the README says; `make scale-out-test` collects static files.
        manage(env, "migrate", "--noinput", "-v0")
        if not (PROJECT / "staticfiles" / "staticfiles.json").exists():
            manage(env, "collectstatic", "--noinput", "-v0")
        manage(env, "shell", "-c", CREATE_STAFF.format(staff=STAFF, password=PASSWORD))

        instances = []
        for name, port in zip("ab", free_ports(2), strict=True):
            instances.append(start_gunicorn(name, port, env, folder))
            running.callback(stop, instances[-1])
        deadline = time.monotonic() + 30
        for instance in instances:
            wait_until_answering(instance, deadline)
        yield Portal(*instances, env, database_url)
