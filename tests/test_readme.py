"""The README's shell commands, run exactly as written, in the repository's folder.

Every ```sh block of README.md is read here, one command at a time (a line, with its `\\`
continuations), and run with bash:

- a block without a marker is for this machine: it runs as a newcomer runs it after `make run`,
  with the developer's environment less the test settings (SECRET_KEY, DJANGO_DEBUG,
  DJANGO_HTTPS, make's own variables), so the Makefile's local key is what it uses;
  `make superuser` asks its questions on a terminal, so it gets one (a pty) and the answers;
- a block after SERVER (an HTML comment, unseen by readers) runs with a server's SECRET_KEY;
- a block after NOT_RUN (Deploying: placeholders such as db.internal) is not run;
- `make run`, `make test` and `make bench` are never run: they serve, or test, for minutes.

Two things differ from a newcomer's machine, and only these: DATABASE_URL names a temporary
SQLite file (migrated by `make migrate`, what `make run` does before it serves), so the
developer's db.sqlite3 stays untouched; and the curl example gets the server `make run` starts
(runserver with the local key and plain HTTP) on a free port, so in that one command
"127.0.0.1:8000" becomes the server's address. A content.json already in the folder is put
back afterwards, and a lock keeps two test runs in one folder from sharing it.
"""

import contextlib
import fcntl
import http.cookiejar
import json
import os
import pty
import re
import select
import socket
import sqlite3
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pyotp
import pytest

pytestmark = pytest.mark.slow  # servers and make commands: see `make test-fast`

PROJECT = Path(__file__).resolve().parents[1]
README = (PROJECT / "README.md").read_text()
LOCAL_KEY = PROJECT / ".venv" / "local-secret-key"
CONTENT_FILE = PROJECT / "content.json"

SERVER = "<!-- on a server: tests/test_readme.py runs this with a server's SECRET_KEY set -->"
NOT_RUN = "<!-- on a server, with placeholders: tests/test_readme.py does not run this -->"
LONG_RUNNING = ("make run", "make test", "make bench")
README_ADDRESS = "127.0.0.1:8000"

# How each command the README shows starts; a test below runs each one.
COVERED = {
    "this machine": (
        "make superuser",
        "make axes-reset",
        "make export-content",
        "make import-content",
        "curl ",
    ),
    "a server": (
        ".venv/bin/python manage.py export_content",
        ".venv/bin/python manage.py import_content",
    ),
}
# Variables the test run sets, which a newcomer's shell does not have.
TEST_ONLY = {"SECRET_KEY", "DJANGO_DEBUG", "DJANGO_HTTPS", "DJANGO_ALLOW_ASYNC_UNSAFE", "PORT"}
MAKE_OWN = {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "FILE"}
PASSWORD = "a-long-and-unusual-readme-password"


@dataclass(frozen=True)
class Command:
    text: str
    where: str  # "this machine", "a server" or "an example"


def readme_commands():
    commands, marker, lines = [], "", iter(README.splitlines())
    for line in lines:
        if line.strip() == "```sh":
            where = {SERVER: "a server", NOT_RUN: "an example"}.get(marker, "this machine")
            block = []
            for inner in lines:
                if inner.strip() == "```":
                    break
                block.append(inner)
            commands += [Command(text, where) for text in _commands_in(block)]
        if line.strip():
            marker = line.strip()
    return commands


def _commands_in(block):
    """Logical lines: a line ending in a backslash goes on with the next one."""
    commands, current = [], []
    for line in block:
        current.append(line)
        if not line.rstrip().endswith("\\"):
            text = "\n".join(current).strip()
            if text and not text.startswith("#"):
                commands.append(text)
            current = []
    return commands


def readme_command(start, where="this machine"):
    """The one command of the README that starts so, exactly as written."""
    found = [c.text for c in readme_commands() if c.where == where and c.text.startswith(start)]
    assert len(found) == 1, f"the README should show one command starting {start!r}: {found}"
    return found[0]


def run(command, env, timeout=120):
    done = subprocess.run(
        ["bash", "-c", command],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done


def run_in_terminal(command, env, answers, timeout=60):
    """Run a command that asks questions on a terminal (createsuperuser refuses anything else),
    typing each answer once its question shows. (exit status, everything the terminal shows)."""
    master, terminal = pty.openpty()
    # A session of its own: no controlling terminal, so passwords are asked on this one.
    process = subprocess.Popen(
        ["bash", "-c", command],
        cwd=PROJECT,
        env=env,
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        start_new_session=True,
    )
    os.close(terminal)
    shown, asked_up_to, pending = b"", 0, list(answers)
    deadline = time.monotonic() + timeout
    try:
        while True:
            assert time.monotonic() < deadline, shown.decode(errors="replace")
            if not select.select([master], [], [], 0.1)[0]:
                continue
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal is closed: every process on it has ended
                chunk = b""
            if not chunk:
                break
            shown += chunk
            if pending:
                found = shown.find(pending[0][0].encode(), asked_up_to)
                if found >= 0:
                    asked_up_to = found + len(pending[0][0])
                    os.write(master, pending.pop(0)[1].encode() + b"\n")
    finally:
        os.close(master)
        if process.poll() is None:
            process.kill()
    return process.wait(timeout=10), shown.decode(errors="replace")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Visitor:
    """A browser without JavaScript: keeps cookies, does not follow redirects."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base_url):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), self._NoRedirect
        )

    def open(self, path, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        try:
            with self.opener.open(self.base_url + path, data=data, timeout=10) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def sign_in(self, username, password):
        """(status, where it sends us) after the password on the staff sign-in page."""
        page = self.open("/accounts/login/?next=/admin/")[2]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = {"login": username, "password": password, "csrfmiddlewaretoken": token}
        status, headers, _ = self.open("/accounts/login/?next=/admin/", form)
        return status, headers.get("Location")


@dataclass
class Site:
    newcomer: dict  # the environment of a newcomer's shell, less the developer's database
    server: dict  # a server's: its own SECRET_KEY
    base_url: str
    database: Path

    def query(self, sql):
        with contextlib.closing(sqlite3.connect(self.database)) as connection:
            return [row[0] for row in connection.execute(sql)]


@pytest.fixture(scope="module")
def site():
    lock_path = PROJECT / ".venv" / "test_readme.lock"
    with open(lock_path, "w") as lock, tempfile.TemporaryDirectory() as folder:
        fcntl.flock(lock, fcntl.LOCK_EX)
        saved = CONTENT_FILE.read_bytes() if CONTENT_FILE.exists() else None
        newcomer = {k: v for k, v in os.environ.items() if k not in TEST_ONLY | MAKE_OWN}
        database = Path(folder) / "readme.sqlite3"
        newcomer["DATABASE_URL"] = f"sqlite:///{database}"
        server = newcomer | {"SECRET_KEY": "tests-only-server-key-" + "q8Zr3" * 10}
        run("make migrate", newcomer)  # what `make run` does before serving; makes the key
        try:
            with runserver(newcomer, Path(folder) / "runserver.log") as base_url:
                yield Site(newcomer, server, base_url, database)
        finally:
            if saved is None:
                CONTENT_FILE.unlink(missing_ok=True)
            else:
                CONTENT_FILE.write_bytes(saved)


@contextlib.contextmanager
def runserver(env, log_path):
    """The server `make run` starts: runserver with the local key, on plain HTTP."""
    port = free_port()
    env = env | {"SECRET_KEY": LOCAL_KEY.read_text().strip(), "DJANGO_HTTPS": "0"}
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [".venv/bin/python", "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=PROJECT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, log_path.read_text()
            with contextlib.suppress(OSError):
                if Visitor(base_url).open("/api/v1/disclaimer")[0] == 200:
                    break
            assert time.monotonic() < deadline, log_path.read_text()
            time.sleep(0.1)
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def account(site):
    """The README's `make superuser`, answered as a newcomer answers it: the user name."""
    username = "newcomer"
    status, shown = run_in_terminal(
        readme_command("make superuser"),
        site.newcomer,
        [
            ("Username", username),
            ("Email address:", f"{username}@example.org"),
            ("Password:", PASSWORD),
            ("Password (again):", PASSWORD),
        ],
    )
    assert status == 0, shown
    assert "Superuser created successfully." in shown, shown
    return username


def test_every_readme_command_is_run_by_these_tests():
    for command in readme_commands():
        if command.where == "an example" or command.text.startswith(LONG_RUNNING):
            continue
        assert command.text.startswith(COVERED[command.where]), (
            f"Run {command.text!r} (for {command.where}) in tests/test_readme.py too."
        )


def test_make_superuser_makes_an_account_that_signs_in_to_the_admin(site, account):
    assert site.query("SELECT username FROM auth_user WHERE is_superuser") == [account]

    visitor = Visitor(site.base_url)
    assert visitor.sign_in(account, PASSWORD) == (302, "/admin/")
    status, headers, _ = visitor.open("/admin/")
    assert status == 302  # first, a second factor (docs/staff-sign-in.md)
    status, _, page = visitor.open(headers["Location"])
    assert status == 200
    assert "Set up your second factor" in page
    secret = re.search(r'id="authenticator-secret">([A-Z2-7]+)<', page).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = {"code": pyotp.TOTP(secret).now(), "csrfmiddlewaretoken": token}
    assert visitor.open("/accounts/2fa/totp/activate/", form)[0] == 302
    status, _, page = visitor.open("/admin/")
    assert status == 200
    assert 'action="/admin/logout/"' in page  # signed in


def test_make_axes_reset_lifts_a_sign_in_pause(site, account):
    for _ in range(5):  # AXES_FAILURE_LIMIT
        assert Visitor(site.base_url).sign_in(account, "not-the-password")[0] != 302
    assert Visitor(site.base_url).sign_in(account, PASSWORD)[0] != 302  # paused

    run(readme_command("make axes-reset"), site.newcomer)

    # The password is taken again: on to the admin, or first to the second factor when the
    # account has set one up (docs/staff-sign-in.md).
    status, where = Visitor(site.base_url).sign_in(account, PASSWORD)
    assert status == 302
    assert where in ("/admin/", "/accounts/2fa/authenticate/")


def test_make_export_content_writes_json_that_make_import_content_loads(site):
    run(readme_command("make export-content"), site.newcomer)

    content = json.loads(CONTENT_FILE.read_text())
    assert [phase["slug"] for phase in content["phases"] if phase["language"] == "en"] == [
        "untreated",
        "remission",
        "minimal-residual-disease",
        "refractory",
        "relapsed",
    ]
    # An editor on the other site changed the disclaimer; the import brings the change.
    content["disclaimer"][0]["text"] = "Moved here by make import-content."
    CONTENT_FILE.write_text(json.dumps(content))

    imported = run(readme_command("make import-content"), site.newcomer)

    assert "Imported 5 phases" in imported.stdout
    disclaimer = json.loads(Visitor(site.base_url).open("/api/v1/disclaimer")[2])
    assert disclaimer["text_markdown"] == "Moved here by make import-content."


def test_servers_commands_move_content_with_the_servers_key(site):
    run(readme_command(".venv/bin/python manage.py export_content", "a server"), site.server)
    assert json.loads(CONTENT_FILE.read_text())["format_version"] == 3

    imported = run(
        readme_command(".venv/bin/python manage.py import_content", "a server"), site.server
    )

    assert "Imported 5 phases" in imported.stdout


def test_manage_py_never_uses_the_local_key(site):
    """The README says only make reads .venv/local-secret-key: a server whose environment
    lacks SECRET_KEY stops, even where that file exists."""
    assert LOCAL_KEY.exists()
    command = readme_command(".venv/bin/python manage.py export_content", "a server")
    done = subprocess.run(
        ["bash", "-c", command], cwd=PROJECT, env=site.newcomer, capture_output=True, text=True
    )

    assert done.returncode != 0
    assert "SECRET_KEY is not set" in done.stderr


def test_the_curl_example_gets_the_checkers_answer(site):
    command = readme_command("curl ")
    assert README_ADDRESS in command
    address = site.base_url.removeprefix("http://")

    done = run(command.replace(README_ADDRESS, address), site.newcomer, timeout=30)

    assert json.loads(done.stdout)["phase"] == "remission"


def test_readme_or_a_doc_names_every_setting_the_code_reads():
    """The README, or a topic's page in docs/ (which the README links), names each setting."""
    sources = [PROJECT / "portal" / "settings.py", PROJECT / "gunicorn.conf.py"]
    read = r"""(?:environ\.get|env_flag|env_list|_flag)\(\s*["']([A-Z_]+)["']"""
    names = {name for path in sources for name in re.findall(read, path.read_text())}
    names |= set(re.findall(r"^([A-Z_]+) \?=", (PROJECT / "Makefile").read_text(), re.M))
    assert {"SECRET_KEY", "PORT", "WEB_CONCURRENCY"} <= names  # the patterns still match

    docs = README + "".join(page.read_text() for page in sorted((PROJECT / "docs").glob("*.md")))
    assert [name for name in sorted(names) if f"`{name}`" not in docs] == []


def test_readme_names_every_group_and_partner_a_new_database_holds(site):
    groups = site.query("SELECT name FROM auth_group")
    partners = site.query("SELECT key FROM phases_partner")

    assert groups
    assert partners  # the migrations seed both
    assert [name for name in groups if f"**{name}**" not in README] == []
    assert [key for key in partners if f"`{key}`" not in README] == []


def test_readme_links_only_to_files_in_the_repository():
    targets = re.findall(r"\]\(([^)#]+)\)", README)
    local = [target for target in targets if not target.startswith(("http://", "https://"))]

    assert "../" not in README
    assert [target for target in local if not (PROJECT / target).exists()] == []
