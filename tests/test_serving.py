"""The portal as the README deploys it: `.venv/bin/gunicorn portal.wsgi`, started in the
project's folder so that gunicorn reads gunicorn.conf.py, on a SQLite database of its own as the
migrations seed it."""

import contextlib
import http.client
import socket
import sqlite3
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from portal.static_headers import STATIC_FILE_POLICY
from tests.server_commands import (
    SLOW_CLIENT_SECONDS,
    get,
    gunicorn,
)

pytestmark = pytest.mark.slow  # servers and make commands: see `make test-fast`

SENTINEL = "SENTINEL123"


CHECKER_ANSWERS = {"treatment": "received", "marrow_blasts_percent": "2", "cbc": "normal"}


def post_form(url, form, timeout=10):
    data = urllib.parse.urlencode(form).encode()
    try:
        with urllib.request.urlopen(url, data=data, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture(scope="module")
def server(seeded_sqlite_database):
    with tempfile.TemporaryDirectory() as folder:
        database = seeded_sqlite_database(Path(folder) / "portal.sqlite3")
        database_url = f"sqlite:///{database}"
        with gunicorn(database_url, folder) as running:
            running.database = database
            yield running


def test_gunicorn_reads_the_projects_configuration(server):
    log = server.wait_for_log("Using worker: portal.asgi_worker.AsgiWorker")

    assert "Using worker: portal.asgi_worker.AsgiWorker" in log
    assert f"Listening at: {server.base_url}" in log


def test_a_page_answers(server):
    status, headers, body = get(server.base_url + "/")

    assert status == 200
    assert "Relapsed" in body
    assert "default-src 'self'" in headers["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/static/css/portal.css", "/static/favicon.svg"])
def test_static_files_carry_a_policy_and_nosniff(server, path):
    status, headers, _ = get(server.base_url + path)

    assert status == 200
    assert headers["Content-Security-Policy"] == STATIC_FILE_POLICY
    assert "default-src 'none'" in STATIC_FILE_POLICY
    assert "frame-ancestors 'none'" in STATIC_FILE_POLICY
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"


def test_the_hashed_static_files_pages_use_carry_the_policy_too(server):
    home = get(server.base_url + "/")[2]
    stylesheet = home.split('href="/static/css/portal.')[1].split('"')[0]

    status, headers, _ = get(f"{server.base_url}/static/css/portal.{stylesheet}")

    assert status == 200
    assert headers["Content-Security-Policy"] == STATIC_FILE_POLICY


@pytest.mark.parametrize("path", ["/static/embed.js", "/static/embed-frame.js"])
def test_the_embed_scripts_stay_loadable_from_partners_pages(server, path):
    status, headers, _ = get(server.base_url + path)

    assert status == 200
    assert headers["Content-Type"].startswith("text/javascript")  # what nosniff asks for
    assert "Cross-Origin-Resource-Policy" not in headers
    assert "Cross-Origin-Embedder-Policy" not in headers


def test_query_strings_stay_out_of_the_logs(server):
    start = len(server.log())

    assert get(f"{server.base_url}/?q={SENTINEL}")[0] == 200
    assert get(f"{server.base_url}/no-such-page/?q={SENTINEL}")[0] == 404
    log = server.wait_for_log(
        '"GET / HTTP/1.1" 200', '"GET /no-such-page/ HTTP/1.1" 404', start=start
    )

    assert '"GET / HTTP/1.1" 200' in log  # the access log shows the path...
    assert '"GET /no-such-page/ HTTP/1.1" 404' in log
    assert SENTINEL not in server.log()  # ...and never the query


SLOW_CLIENTS = 64
HALF_REQUESTS = [
    b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow",  # stops inside its headers
    b"POST /check/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\n\r\ntreatment=received&",  # body
]


@pytest.fixture(scope="module")
def server_giving_slow_clients_a_minute(seeded_sqlite_database):
    """The same server, waiting a minute for a request's headers or body instead of seconds."""
    with tempfile.TemporaryDirectory() as folder:
        database = seeded_sqlite_database(Path(folder) / "portal.sqlite3")
        limits = {"REQUEST_HEADER_SECONDS": "60", "REQUEST_BODY_SECONDS": "60"}
        with gunicorn(f"sqlite:///{database}", folder, **limits) as running:
            yield running


def still_waiting_for(sock):
    """Whether the server still holds this connection open, waiting for the rest of the
    request: it has neither answered nor closed it."""
    sock.setblocking(False)
    try:
        sock.recv(1)
    except BlockingIOError:
        return True
    except OSError:
        pass  # reset: closed
    return False  # or an answer came


def test_slow_clients_do_not_hold_up_other_requests(server_giving_slow_clients_a_minute):
    # 64 clients that never finish, half inside their headers and half inside their body: each
    # held a thread of gthread's 8 before, and 16 of them stalled the site until they were cut
    # off. Now they wait in the event loop: every other request is answered while the server
    # still holds every one of them (no clock needed: it would wait a minute for them).
    server = server_giving_slow_clients_a_minute
    with contextlib.ExitStack() as slow_clients:
        socks = []
        for number in range(SLOW_CLIENTS):
            sock = slow_clients.enter_context(socket.create_connection(server.address))
            sock.sendall(HALF_REQUESTS[number % 2])
            socks.append(sock)
        for path in ["/", "/phases/remission/", "/api/v1/phases", "/check/"]:
            status, _, _ = get(server.base_url + path, timeout=30)
            assert status == 200, path
        status, _, page = post_form(server.base_url + "/check/", CHECKER_ANSWERS, timeout=30)
        assert status == 200
        assert "remission" in page.lower()

        assert all(still_waiting_for(sock) for sock in socks)


def test_a_client_too_slow_with_its_headers_or_body_is_cut_off(server):
    # The server's limits are SLOW_CLIENT_SECONDS; a client still waiting for its answer
    # 10 seconds after that fails the test (its socket's timeout).
    with contextlib.ExitStack() as slow_clients:
        socks = []
        for half_request in HALF_REQUESTS:
            sock = slow_clients.enter_context(socket.create_connection(server.address))
            sock.settimeout(SLOW_CLIENT_SECONDS + 10)
            sock.sendall(half_request)
            socks.append(sock)
        headers_answer, body_answer = (read_until_closed(sock) for sock in socks)

    assert headers_answer == b""  # closed without a word: no request to answer
    assert body_answer.startswith(b"HTTP/1.1 408")


def read_until_closed(sock):
    received = b""
    while chunk := sock.recv(65536):
        received += chunk
    return received


def test_the_access_log_cannot_be_forged(server):
    start = len(server.log())
    forged = (
        "/x%0A10.9.9.9%20[03/Dec/2026:08:00:00%20+0000]"
        "%20%22POST%20/admin/login/%20HTTP/1.1%22%20302"
    )
    with socket.create_connection(server.address) as sock:
        sock.sendall(
            f"GET {forged} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            'User-Agent: a "quoted" agent\\\r\n\r\n'.encode()
        )
        assert read_until_closed(sock).startswith(b"HTTP/1.1 404")
    log = server.wait_for_log("/x%0A10.9.9.9", start=start)

    assert f'"GET {forged} HTTP/1.1" 404' in log  # one line, as sent
    assert not any(line.startswith("10.9.9.9") for line in log.splitlines())
    assert '"a \\x22quoted\\x22 agent\\x5c"' in log


def test_a_server_error_leaves_its_traceback_in_the_error_log(server):
    start = len(server.log())
    with contextlib.closing(sqlite3.connect(server.database)) as database:
        database.execute("ALTER TABLE phases_glossaryterm RENAME TO phases_glossaryterm_away")
        database.commit()
        try:
            status = get(server.base_url + "/glossary/")[0]
        finally:
            database.execute("ALTER TABLE phases_glossaryterm_away RENAME TO phases_glossaryterm")
            database.commit()

    log = server.wait_for_log("Traceback", "no such table", start=start)

    assert status == 500
    assert "Internal Server Error: /glossary/" in log
    assert "Traceback (most recent call last)" in log
    assert "no such table: phases_glossaryterm" in log
    assert get(server.base_url + "/glossary/")[0] == 200


def test_connections_are_kept_alive_between_requests(server):
    connection = http.client.HTTPConnection(*server.address)
    try:
        for _ in range(2):
            connection.request("GET", "/static/css/portal.css")
            response = connection.getresponse()
            response.read()
            assert response.status == 200
            assert response.getheader("Connection", "keep-alive").lower() != "close"
    finally:
        connection.close()
